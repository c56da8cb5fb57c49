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
  classOf,
  exceptionClasses,
  foreignOf,
  typeName,
} from "./values.ts";
import { PyFunction } from "./function.ts";
import { PyClassMethod, PyMethod, PyStaticMethod } from "./descriptors.ts";
import { callAttr, expectStr, override, userClass } from "./dunder.ts";
import { addressOf } from "./hashing.ts";
import { intToDecimal } from "./limits.ts";

/** a repr text written with the placeholder address 0x0 (torch's objects, grad_fn nodes), given this object's own */
const withAddress = (text: string, v: PyValue): string => text.replace(/ at 0x0>$/, ` at ${addressOf(v)}>`);

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

/** repr() of a str: single quotes unless the text has ' and no ". With `maxChars`, only the
 *  repr's start is made (the quotes still chosen by the whole text): at least that many
 *  characters of it, exact, without its closing quote when cut. */
export function strRepr(s: string, maxChars = Infinity): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const cut = s.length > maxChars;
  let out = quote;
  for (const ch of cut ? s.slice(0, maxChars) : s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return cut ? out : out + quote;
}

/** the containers whose repr is being made (a list inside itself prints as [...]) */
let active = new Set<unknown>();

/** fn's reprs made apart from any repr in progress: the memory view describing a list while the
 *  program's __repr__ runs inside that list's own repr must not see it as [...] */
export function reprApart<T>(fn: () => T): T {
  const outer = active;
  active = new Set();
  try {
    return fn();
  } finally {
    active = outer;
  }
}

/** a repr made for the memory view, of which only the first characters are kept: past this many a
 *  container stops adding items (what it returns is then longer than this, its start exact) */
let reprLimit = Infinity;

/** pyRepr(v) made apart from any repr in progress (reprApart) and exact in its first `limit`
 *  characters only: a longer one is cut after them (a list of 10,000 items repr'd for 400
 *  characters of it looks at ~140 items) */
export function reprPrefix(v: PyValue, limit: number): string {
  const outer = reprLimit;
  const wasUserCode = reprOptions.userCode;
  reprLimit = limit;
  // never the program's own __repr__: it would see cut reprs (and the memory view runs no user code)
  reprOptions.userCode = false;
  try {
    const repr = reprApart(() => pyRepr(v));
    return repr.length > limit ? repr.slice(0, limit) : repr;
  } finally {
    reprLimit = outer;
    reprOptions.userCode = wasUserCode;
  }
}

/** items' reprs joined by ", ", stopping once past reprLimit (see reprPrefix) */
function joinReprs<T = PyValue>(items: Iterable<T>, repr: (x: T) => string = pyRepr as (x: T) => string): string {
  let out = "";
  let first = true;
  for (const x of items) {
    out += first ? repr(x) : ", " + repr(x);
    first = false;
    if (out.length > reprLimit) break;
  }
  return out;
}

function guarded(v: object, open: string, close: string, body: () => string): string {
  if (active.has(v)) return `${open}...${close}`;
  active.add(v);
  try {
    return body();
  } finally {
    active.delete(v);
  }
}

/** userCode false: user classes' __repr__/__str__ are not called (the events narrating a run
 *  describe values without running the program's own code) */
export const reprOptions = { userCode: true };

export function pyRepr(v: PyValue): string {
  switch (typeof v) {
    case "bigint":
      return intToDecimal(v);
    case "number":
      return floatRepr(v);
    case "boolean":
      return v ? "True" : "False";
    case "string":
      // the memory view's cut repr (reprPrefix) of a list holding a 10 MB string reads its start
      return strRepr(v, reprLimit);
  }
  if (v === null) return "None";
  const cls = reprOptions.userCode ? userClass(v) : null;
  if (cls) {
    const m = override(cls, "__repr__");
    if (m !== undefined && m !== null) return expectStr(callAttr(m, v, cls, []), "__repr__");
  }
  return nativeRepr(v);
}

/** repr() by the builtin types' own rules (object.__repr__, list.__repr__...) */
export function nativeRepr(v: PyValue): string {
  if (typeof v !== "object" || v === null) return pyRepr(v);
  if (v instanceof PyTuple) {
    const custom = v.customRepr();
    if (custom !== null) return custom;
    return guarded(v, "(", ")", () =>
      v.items.length === 1 ? `(${pyRepr(v.items[0])},)` : `(${joinReprs(v.items)})`,
    );
  }
  if (v instanceof PyList) return guarded(v, "[", "]", () => `[${joinReprs(v.items)}]`);
  if (v instanceof PyDict)
    return guarded(v, "{", "}", () => {
      const body = joinReprs(v.table.entries(), ([k, val]) => `${pyRepr(k)}: ${pyRepr(val)}`);
      // a builtin dict-like type other than dict (mappingproxy) names itself
      return v.sub && !v.sub.user ? `${v.sub.name}({${body}})` : `{${body}}`;
    });
  if (v instanceof PySet) {
    const name = v.sub ? v.sub.name : "set";
    if (v.table.size === 0) return `${name}()`;
    return guarded(v, "{", "}", () => {
      const body = `{${joinReprs(v.table.values())}}`;
      return v.sub ? `${name}(${body})` : body;
    });
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
  if (v instanceof PyFunction) return `<function ${v.qualname} at ${addressOf(v)}>`;
  if (v instanceof PyMethod) {
    const fn = v.fn;
    const name = fn instanceof PyFunction ? fn.qualname : fn instanceof PyBuiltin ? fn.name : "?";
    return `<bound method ${name} of ${pyRepr(v.self)}>`;
  }
  if (v instanceof PyBuiltin) {
    if (v.self === undefined) return `<built-in function ${v.name}>`;
    if (v.wrapper) return `<method-wrapper '${v.name}' of ${typeName(v.self)} object at ${addressOf(v.self)}>`;
    return `<built-in method ${v.name} of ${typeName(v.self)} object at ${addressOf(v.self)}>`;
  }
  if (v instanceof PyModule) return `<module '${v.name}'>`;
  if (v instanceof PyStaticMethod) return `<staticmethod(${pyRepr(v.fn)})>`;
  if (v instanceof PyClassMethod) return `<classmethod(${pyRepr(v.fn)})>`;
  if (v instanceof PyInstance)
    return v.text !== undefined ? withAddress(v.text, v) : v.reprText ? v.reprText() : `<${v.cls.qualname} object at ${addressOf(v)}>`;
  if (v instanceof PyIterator)
    return v.reprText ? v.reprText() : v.label !== undefined ? `<${v.cls.name} object ${v.label} at ${addressOf(v)}>` : `<${v.cls.qualname} object at ${addressOf(v)}>`;
  if (v instanceof PyObj && v.reprText) return v.reprText();
  const f = foreignOf(v);
  if (f) return withAddress(f.repr(v), v);
  return `<${classOf(v).qualname} object at ${addressOf(v)}>`;
}

export function pyStr(v: PyValue): string {
  if (typeof v === "string") return v;
  const cls = userClass(v);
  if (cls) {
    const m = override(cls, "__str__");
    if (m !== undefined && m !== null) return expectStr(callAttr(m, v, cls, []), "__str__");
    // object.__str__ is type(v).__repr__, checked as __str__'s result
    const r = override(cls, "__repr__");
    if (r !== undefined && r !== null && !(v instanceof PyException)) return expectStr(callAttr(r, v, cls, []), "__str__");
  }
  if (v instanceof PyException) return exceptionStr(v);
  if (v instanceof PyObj && v.strText) return v.strText();
  const f = foreignOf(v);
  if (f?.str) return f.str(v);
  return pyRepr(v);
}

/** BaseException.__str__: the message, the args tuple, or "" (KeyError quotes its key) */
export function exceptionStr(v: PyException): string {
  if (v.args.length === 0) return "";
  if (v.args.length === 1) return v.cls.isSubclassOf(keyErrorClass()) ? pyRepr(v.args[0]) : pyStr(v.args[0]);
  return pyRepr(new PyTuple(v.args));
}

let keyErrorCls: PyClass | null = null;
function keyErrorClass(): PyClass {
  return (keyErrorCls ??= exceptionClasses.get("KeyError")!);
}
