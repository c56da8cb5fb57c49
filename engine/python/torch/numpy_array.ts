// What tensor.numpy() gives: a numpy.ndarray that prints as NumPy 2 prints arrays of up to two
// dims (the shortest digits that read back, at most 8 after the point, aligned on the point;
// scientific notation when the magnitudes call for it; lines wrapped at 75 columns) and has
// shape, dtype, ndim, size, tolist() and item(). Anything else of numpy is not in Gradlens.
import type { DType } from "../../dtype.ts";
import { PyBuiltin, PyClass, PyDict, PyInstance, PyList, PyTuple, type PyValue, objectClass } from "../values.ts";
import { notInGradlens } from "./not_yet.ts";

const ndarrayClass = new PyClass("ndarray", objectClass, undefined, "numpy");
const NAMES: Record<DType, string> = { float32: "float32", float64: "float64", int64: "int64", int32: "int32", bool: "bool" };

/** the shortest decimal digits that read back as v in its dtype, positional, at most 8 after the point */
function positional(v: number, f32: boolean): string {
  let s = "";
  for (let p = 1; p <= 17; p++) {
    s = v.toPrecision(p);
    if ((f32 ? Math.fround(Number(s)) : Number(s)) === v) break;
  }
  let plain = Number(s).toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  if (Object.is(v, -0)) plain = "-0";
  const dot = plain.indexOf(".");
  if (dot >= 0 && plain.length - dot - 1 > 8) plain = v.toFixed(8);
  if (!plain.includes(".")) plain += ".";
  return plain.replace(/0+$/, "");
}

/** unique scientific digits: mantissa digits and the exponent */
function scientific(v: number, f32: boolean): [string, number] {
  for (let p = 1; p <= 17; p++) {
    const s = v.toExponential(p - 1);
    if ((f32 ? Math.fround(Number(s)) : Number(s)) === v || p === 9) {
      const [m, e] = s.split("e");
      return [m.includes(".") ? m : m + ".", Number(e)];
    }
  }
  return ["0.", 0];
}

/** FloatingFormat: one formatter for every element, from what they all need */
function floatFormatter(values: number[], f32: boolean): (v: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  const nonZero = finite.map(Math.abs).filter((v) => v !== 0);
  const max = nonZero.length ? Math.max(...nonZero) : 0;
  const min = nonZero.length ? Math.min(...nonZero) : 0;
  const exp = nonZero.length > 0 && (max >= 1e8 || min < 0.0001 || max / min > 1000);
  let padLeft = 0;
  let padRight = 0;
  let expSize = 0;
  if (exp) {
    const parts = finite.map((v) => scientific(v, f32));
    const precision = Math.max(...parts.map(([m]) => m.split(".")[1].length));
    expSize = Math.max(...parts.map(([, e]) => Math.max(2, String(Math.abs(e)).length)));
    padLeft = Math.max(...parts.map(([m]) => m.split(".")[0].length));
    padRight = expSize + 2 + precision;
    return (v) => {
      if (!Number.isFinite(v)) return pad(nonFinite(v), padLeft + padRight + 1);
      const [m, e] = scientific(v, f32);
      const [i, frac] = m.split(".");
      const digits = frac.padEnd(precision, "0");
      return `${i.padStart(padLeft)}.${digits}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(expSize, "0")}`;
    };
  }
  const parts = finite.map((v) => positional(v, f32).split("."));
  padLeft = Math.max(0, ...parts.map(([i]) => i.length));
  padRight = Math.max(0, ...parts.map(([, fr]) => fr.length));
  if (finite.length !== values.length) {
    const negInf = values.some((v) => v === -Infinity) ? 1 : 0;
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + negInf - (padRight + 1));
  }
  return (v) => {
    if (!Number.isFinite(v)) return pad(nonFinite(v), padLeft + padRight + 1);
    const [i, fr] = positional(v, f32).split(".");
    return `${i.padStart(padLeft)}.${fr.padEnd(padRight)}`;
  };
}

const nonFinite = (v: number): string => (Number.isNaN(v) ? "nan" : v < 0 ? "-inf" : "inf");
const pad = (s: string, width: number): string => s.padStart(width);

function formatter(values: number[], dtype: DType): (v: number) => string {
  if (dtype === "bool") {
    const wide = values.some((v) => !v);
    return (v) => (v ? (wide ? " True" : "True") : "False");
  }
  if (dtype === "int64" || dtype === "int32") {
    const width = Math.max(...values.map((v) => String(v).length));
    return (v) => String(v).padStart(width);
  }
  return floatFormatter(values, dtype === "float32");
}

/** _formatArray for 1-D and 2-D: rows wrapped at `width`, continuation lines indented by `indent` */
function formatArray(values: number[], shape: number[], fmt: (v: number) => string, sep: string, width: number, indent: string): string {
  const row = (items: number[], hanging: string, curWidth: number): string => {
    const elemWidth = curWidth - Math.max(sep.trimEnd().length, 1);
    let s = "";
    let line = hanging;
    items.forEach((v, k) => {
      const word = fmt(v);
      const limit = k === items.length - 1 ? elemWidth : elemWidth;
      if (line.length + word.length > limit && line.length > hanging.length) {
        s += line.trimEnd() + "\n";
        line = hanging;
      }
      line += word;
      if (k < items.length - 1) line += sep;
    });
    return "[" + (s + line).slice(hanging.length) + "]";
  };
  if (shape.length === 1) return row(values, indent, width);
  const [n, m] = shape;
  const rows = Array.from({ length: n }, (_, r) => row(values.slice(r * m, (r + 1) * m), indent + " ", width - 1));
  return "[" + rows.join(sep.trimEnd() + "\n" + indent) + "]";
}

function ndStr(values: number[], shape: number[], dtype: DType): string {
  if (shape.length === 0) return formatter(values, dtype)(values[0]).trim();
  if (values.length === 0) return "[]";
  return formatArray(values, shape, formatter(values, dtype), " ", 75, " ");
}

function ndRepr(values: number[], shape: number[], dtype: DType): string {
  const implied = dtype === "float64" || dtype === "int64" || dtype === "bool";
  const extras: string[] = [];
  if (values.length === 0 && shape.length !== 1) extras.push(`shape=(${shape.join(", ")})`);
  if (!implied || values.length === 0) extras.push(`dtype=${NAMES[dtype]}`);
  const body =
    shape.length === 0
      ? formatter(values, dtype)(values[0]).trim()
      : values.length === 0
        ? "[]"
        : formatArray(values, shape, formatter(values, dtype), ", ", 74, " ".repeat("array(".length + 1));
  if (extras.length === 0) return `array(${body})`;
  const head = `array(${body},`;
  const tail = extras.join(", ") + ")";
  const lastLine = head.length - (head.lastIndexOf("\n") + 1);
  return head + (lastLine + tail.length + 1 > 75 ? "\n" + " ".repeat(6) : " ") + tail;
}

export class PyNdarray extends PyInstance {
  constructor(
    readonly values: number[],
    readonly shape: number[],
    readonly dtype: DType,
  ) {
    if (shape.length > 2 || values.length > 1000) throw notInGradlens("printing a numpy array of more than 2 dims or 1000 elements");
    super(ndarrayClass, ndRepr(values, shape, dtype));
    const attrs = (this.dict = new PyDict()).table;
    const py = (v: number): PyValue => (dtype === "bool" ? v !== 0 : dtype === "int64" || dtype === "int32" ? BigInt(v) : v);
    attrs.set("shape", new PyTuple(shape.map((d) => BigInt(d))));
    attrs.set("ndim", BigInt(shape.length));
    attrs.set("size", BigInt(values.length));
    attrs.set("dtype", NAMES[dtype]);
    attrs.set("tolist", new PyBuiltin("tolist", () => {
      if (shape.length === 0) return py(values[0]);
      if (shape.length === 1) return new PyList(values.map(py));
      return new PyList(Array.from({ length: shape[0] }, (_, r) => new PyList(values.slice(r * shape[1], (r + 1) * shape[1]).map(py))));
    }, this));
    attrs.set("item", new PyBuiltin("item", () => py(values[0]), this));
  }

  override strText(): string {
    return ndStr(this.values, this.shape, this.dtype);
  }
}
