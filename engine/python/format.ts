// format(value, spec) — Python's format-spec mini-language for int, float and str, as used
// by f-strings ({x:.4f}, {n:>5}, {v:,}, {r:.2%}, {e:.3e}), plus printf-style "%.2f" % x.
import { formatExponent, formatFixed } from "../format/decimal.ts";
import { floatRepr } from "./repr.ts";
import { checkNewSize, intToDecimal, SSIZE_MAX } from "./limits.ts";
import { pyErr } from "./values.ts";

interface Spec {
  fill: string;
  align: string | null;
  sign: string;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number | null;
  type: string;
}

export function parseSpec(spec: string, typeName: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su.exec(spec);
  if (!m) throw pyErr("ValueError", `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  // get_integer: a width or precision past Py_ssize_t
  for (const digits of [m[6], m[8]])
    if (digits !== undefined && BigInt(digits) > SSIZE_MAX) throw pyErr("ValueError", "Too many decimal digits in format string");
  return {
    fill: m[1] ?? (m[5] ? "0" : " "),
    align: m[2] ?? (m[5] ? "=" : null),
    sign: m[3] ?? "-",
    alt: !!m[4],
    zero: !!m[5],
    width: m[6] ? Number(m[6]) : 0,
    grouping: m[7] ?? "",
    precision: m[8] !== undefined ? Number(m[8]) : null,
    type: m[9] ?? "",
  };
}

function group(intDigits: string, sep: string, every = 3): string {
  if (!sep) return intDigits;
  let out = "";
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % every === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

function pad(sign: string, body: string, s: Spec, defaultAlign: string): string {
  const align = s.align ?? defaultAlign;
  const len = [...sign].length + [...body].length;
  const n = Math.max(0, s.width - len);
  if (n === 0) return sign + body;
  checkNewSize(BigInt(n), 1);
  const fill = s.fill.repeat(n);
  switch (align) {
    case "<":
      return sign + body + fill;
    case "^": {
      const left = Math.floor(n / 2);
      return s.fill.repeat(left) + sign + body + s.fill.repeat(n - left);
    }
    case "=":
      return sign + fill + body;
    default:
      return fill + sign + body;
  }
}

function signOf(negative: boolean, s: Spec): string {
  if (negative) return "-";
  return s.sign === "+" ? "+" : s.sign === " " ? " " : "";
}

// exact on the binary value with ties to even, as CPython rounds (JS toFixed breaks ties upwards)
const toFixed = formatFixed;

function expForm(x: number, digits: number, upper: boolean): string {
  const text = formatExponent(x, digits);
  return upper ? text.toUpperCase() : text;
}

function generalForm(x: number, precision: number, alt: boolean, upper: boolean, keepPoint: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (x === 0) return keepPoint ? "0.0" : alt ? `0.${"0".repeat(p - 1)}` : "0";
  const exp = Number(formatExponent(x, p - 1).split("e")[1]);
  let out: string;
  if (exp >= -4 && exp < p) {
    out = toFixed(x, p - 1 - exp);
    if (!alt && out.includes(".")) out = out.replace(/0+$/, "").replace(/\.$/, keepPoint ? ".0" : "");
    else if (keepPoint && !out.includes(".")) out += ".0";
  } else {
    out = expForm(x, p - 1, upper);
    if (!alt) out = out.replace(/\.?0+(?=[eE])/, "");
  }
  return out;
}

export function formatFloat(x: number, spec: string): string {
  const s = parseSpec(spec, "float");
  if ("bcdoxXn".includes(s.type) && s.type)
    throw pyErr("ValueError", `Unknown format code '${s.type}' for object of type 'float'`);
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  if (!Number.isFinite(a)) {
    body = Number.isNaN(a) ? "nan" : "inf";
    if (s.type === "F" || s.type === "E" || s.type === "G") body = body.toUpperCase();
    if (s.type === "%") body += "%";
  } else {
    switch (s.type) {
      case "f":
      case "F":
        body = toFixed(a, s.precision ?? 6);
        if (s.alt && !body.includes(".")) body += ".";
        break;
      case "e":
      case "E":
        body = expForm(a, s.precision ?? 6, s.type === "E");
        break;
      case "%":
        body = (Number.isFinite(a * 100) ? toFixed(a * 100, s.precision ?? 6) : "inf") + "%";
        break;
      case "g":
      case "G":
        body = generalForm(a, s.precision ?? 6, s.alt, s.type === "G", false);
        break;
      default:
        body = s.precision === null ? floatRepr(a) : generalForm(a, s.precision, s.alt, false, true);
    }
    if (s.grouping) {
      const m = /^(\d+)(.*)$/s.exec(body);
      if (m) body = group(m[1], s.grouping) + m[2];
    }
  }
  return pad(signOf(neg && !Number.isNaN(x), s), body, s, ">");
}

export function formatInt(x: bigint, spec: string): string {
  const s = parseSpec(spec, "int");
  if ("eEfFgG%".includes(s.type) && s.type) return formatFloat(Number(x), spec);
  if (s.type === "s") throw pyErr("ValueError", "Unknown format code 's' for object of type 'int'");
  if (s.precision !== null) throw pyErr("ValueError", "Precision not allowed in integer format specifier");
  const neg = x < 0n;
  const a = neg ? -x : x;
  let body: string;
  switch (s.type) {
    case "x":
      body = (s.alt ? "0x" : "") + a.toString(16);
      break;
    case "X":
      body = (s.alt ? "0X" : "") + a.toString(16).toUpperCase();
      break;
    case "o":
      body = (s.alt ? "0o" : "") + a.toString(8);
      break;
    case "b":
      body = (s.alt ? "0b" : "") + a.toString(2);
      break;
    case "c":
      body = String.fromCodePoint(Number(a));
      break;
    default:
      body = group(intToDecimal(a), s.grouping);
  }
  return pad(signOf(neg, s), body, s, ">");
}

export function formatStr(x: string, spec: string): string {
  const s = parseSpec(spec, "str");
  // the 0 flag pads strings on the right: it implies '=' alignment only for numbers
  if (s.zero && s.align === "=" && !/^(?:.?[<>=^])/su.test(spec)) s.align = null;
  if (s.type && s.type !== "s") throw pyErr("ValueError", `Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign !== "-" || (spec.includes("+") && !s.align)) throw pyErr("ValueError", "Sign not allowed in string format specifier");
  if (s.align === "=") throw pyErr("ValueError", "'=' alignment not allowed in string format specifier");
  const body = s.precision !== null ? [...x].slice(0, s.precision).join("") : x;
  return pad("", body, s, "<");
}
