// repr() and str() exactly as CPython prints them: float shortest round-trip, quoting of
// strings, containers (tensors inside use the tensor's own repr), exceptions, classes.
import {
  PyBuiltin,
  PyClass,
  PyDict,
  PyEllipsis,
  PyException,
  PyInstance,
  PyIterator,
  PyList,
  PyModule,
  PyObj,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  type PyValue,
  foreignOf,
  typeName,
} from "./values.ts";
import { PyFunction } from "./function.ts";

/** Python's repr(float): shortest digits that round-trip, exponent outside [1e-4, 1e16). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mant, expText] = Math.abs(x).toExponential().split("e");
  const exp = Number(expText);
  const digits = mant.replace(".", "");
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    const frac = digits.slice(exp + 1) || "0";
    return `${sign}${intPart}.${frac}`;
  }
  return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
}

/** repr() of a str: single quotes unless the text has ' and no ". */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}

const active = new Set<unknown>();

function guarded(v: object, open: string, close: string, body: () => string): string {
  if (active.has(v)) return `${open}...${close}`;
  active.add(v);
  try {
    return body();
  } finally {
    active.delete(v);
  }
}

export function pyRepr(v: PyValue): string {
  switch (typeof v) {
    case "bigint":
      return v.toString();
    case "number":
      return floatRepr(v);
    case "boolean":
      return v ? "True" : "False";
    case "string":
      return strRepr(v);
  }
  if (v === null) return "None";
  if (v instanceof PyTuple) {
    const custom = v.customRepr();
    if (custom !== null) return custom;
    return guarded(v, "(", ")", () =>
      v.items.length === 1 ? `(${pyRepr(v.items[0])},)` : `(${v.items.map(pyRepr).join(", ")})`,
    );
  }
  if (v instanceof PyList) return guarded(v, "[", "]", () => `[${v.items.map(pyRepr).join(", ")}]`);
  if (v instanceof PyDict)
    return guarded(v, "{", "}", () => {
      const parts: string[] = [];
      for (const [k, val] of v.map.values()) parts.push(`${pyRepr(k)}: ${pyRepr(val)}`);
      return `{${parts.join(", ")}}`;
    });
  if (v instanceof PySet) {
    if (v.map.size === 0) return "set()";
    return guarded(v, "{", "}", () => `{${[...v.map.values()].map(pyRepr).join(", ")}}`);
  }
  if (v instanceof PyRange)
    return v.step === 1n ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  if (v instanceof PySlice) return `slice(${pyRepr(v.start)}, ${pyRepr(v.stop)}, ${pyRepr(v.step)})`;
  if (v instanceof PyEllipsis) return "Ellipsis";
  if (v instanceof PyException) {
    const args = v.args;
    const inner = args.length === 1 ? pyRepr(args[0]) : args.map(pyRepr).join(", ");
    return `${v.cls.name}(${inner})`;
  }
  if (v instanceof PyClass) return `<class '${v.qualname}'>`;
  if (v instanceof PyFunction) return `<function ${v.name} at 0x0>`;
  if (v instanceof PyBuiltin)
    return v.self !== undefined
      ? `<built-in method ${v.name} of ${typeName(v.self)} object at 0x0>`
      : `<built-in function ${v.name}>`;
  if (v instanceof PyModule) return `<module '${v.name}'>`;
  if (v instanceof PyInstance) return v.text ?? `<${v.cls.qualname} object at 0x0>`;
  if (v instanceof PyIterator) return `<${v.cls.name} object at 0x0>`;
  if (v instanceof PyObj && v.reprText) return v.reprText();
  const f = foreignOf(v);
  if (f) return f.repr(v);
  return `<${typeName(v)} object at 0x0>`;
}

export function pyStr(v: PyValue): string {
  if (typeof v === "string") return v;
  if (v instanceof PyException) {
    if (v.args.length === 0) return "";
    if (v.args.length === 1) {
      // KeyError quotes its key; other exceptions print the message as is
      return v.cls.name === "KeyError" ? pyRepr(v.args[0]) : pyStr(v.args[0]);
    }
    return pyRepr(new PyTuple(v.args));
  }
  if (v instanceof PyObj && v.strText) return v.strText();
  const f = foreignOf(v);
  if (f?.str) return f.str(v);
  return pyRepr(v);
}
