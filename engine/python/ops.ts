// Python's operators on values: truthiness, binary and unary operators with CPython's dispatch
// (the left operand's method, then the right's reflected one — first when its class is a
// subclass of the left's —, NotImplemented passing the turn; in-place methods first for +=),
// format(). Builtin operands use numbers.ts, comparisons compare.ts, containers sequence.ts
// (all re-exported here). Tensors get their turn through their ForeignType hooks.
import { SSIZE_MAX } from "./limits.ts";
import { SLOT_BYTES, budget } from "./budget.ts";
import { iterate } from "./sequence.ts";
import { typeUnion } from "./genericalias.ts";
import { formatFloat, formatInt, formatStr } from "./format.ts";
import { pyRepr, pyStr } from "./repr.ts";
import { PyMethodDescriptor } from "./descriptors.ts";
import { NO_METHOD, callAttr, override, trySpecial, userClass } from "./dunder.ts";
import { binaryTypeError, isInt, isNumber, nativeBinary, nativeUnary, sequenceRepeat, toBig, toNum } from "./numbers.ts";
import {
  NotImplemented,
  PyClass,
  PyDict,
  PyEllipsis,
  PyException,
  PyList,
  PyObj,
  PyRange,
  PySet,
  PyTuple,
  type PyValue,
  classOf,
  foreignOf,
  pyErr,
  typeName,
} from "./values.ts";

export { SLOT_BYTES, asIndex, isInt, isNumber, pushAll, toBig, toNum } from "./numbers.ts";
export { MAX_ITEMS } from "./limits.ts";
export { compare, contains, identical, pyEquals } from "./compare.ts";
export { codePointLength, delItem, dictSet, getItem, iterate, keyError, pyIter, pyLen, pyNext, rangeItems, setItem, sliceIndices } from "./sequence.ts";
export { objectId, pyHash } from "./hashing.ts";
export { budget } from "./budget.ts";

/** Runs fn with `value` counted as reachable by the memory budget. */
export function holding<T>(value: unknown, fn: () => T): T {
  const held = budget.held;
  const at = held.length;
  held.push(value);
  try {
    return fn();
  } finally {
    // a generator suspended inside fn may leave later entries: drop this one and those
    held.length = at;
  }
}

/** [...iterate(v)], its items counted by the memory budget while they are gathered */
export function collect(v: PyValue): PyValue[] {
  const out: PyValue[] = [];
  holding(out, () => {
    for (const x of iterate(v)) {
      out.push(x);
      budget.allocate(SLOT_BYTES);
    }
  });
  return out;
}

export function truthy(v: PyValue): boolean {
  switch (typeof v) {
    case "boolean":
      return v;
    case "bigint":
      return v !== 0n;
    case "number":
      return v !== 0;
    case "string":
      return v.length > 0;
  }
  if (v === null) return false;
  const cls = userClass(v);
  if (cls) return userTruthy(cls, v);
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict || v instanceof PySet) return v.table.size > 0;
  if (v instanceof PyRange) return v.length > 0n;
  const f = foreignOf(v);
  if (f?.truthy) return f.truthy(v);
  if (f?.len) return f.len(v) > 0;
  return true;
}

function userTruthy(cls: PyClass, v: PyValue): boolean {
  const b = override(cls, "__bool__");
  if (b !== undefined && b !== null) {
    const r = callAttr(b, v, cls, []);
    if (typeof r !== "boolean") throw pyErr("TypeError", `__bool__ should return bool, returned ${typeName(r)}`);
    return r;
  }
  const len = override(cls, "__len__");
  if (len !== undefined && len !== null) {
    const r = callAttr(len, v, cls, []);
    if (!isInt(r)) throw pyErr("TypeError", `'${typeName(r)}' object cannot be interpreted as an integer`);
    if (toBig(r) < 0n) throw pyErr("ValueError", "__len__() should return >= 0");
    return toBig(r) > 0n;
  }
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict || v instanceof PySet) return v.table.size > 0;
  return true;
}

// ---- arithmetic ----

/** forward, reflected and in-place method names of each operator */
export const BINARY_DUNDER: Record<string, [string, string, string]> = {};
for (const [op, n] of [
  ["+", "add"],
  ["-", "sub"],
  ["*", "mul"],
  ["/", "truediv"],
  ["//", "floordiv"],
  ["%", "mod"],
  ["**", "pow"],
  ["@", "matmul"],
  ["&", "and"],
  ["|", "or"],
  ["^", "xor"],
  ["<<", "lshift"],
  [">>", "rshift"],
  ["divmod", "divmod"],
])
  BINARY_DUNDER[op] = [`__${n}__`, `__r${n}__`, `__i${n}__`];

/** a <op> b for Python's binary operators; `inplace` for augmented assignment. */
export function binaryOp(op: string, a: PyValue, b: PyValue, inplace = false): PyValue {
  // the common case first: two ints, or two floats
  if (typeof a === typeof b && (typeof a === "bigint" || typeof a === "number")) {
    const r = nativeBinary(op, a, b, inplace);
    if (r !== undefined) return r;
  }
  if (userClass(a) || userClass(b)) return userBinaryOp(op, a, b, inplace);
  const fa = foreignOf(a);
  const fb = foreignOf(b);
  if (fa?.binop || fb?.binop) {
    const r = (fa?.binop?.(op, a, b, inplace) ?? undefined) ?? fb?.binop?.(op, a, b, false);
    if (r !== undefined) return r;
  }
  const r = nativeBinary(op, a, b, inplace);
  if (r !== undefined) return r;
  if (op === "|") {
    const u = typeUnion(a, b);
    if (u !== undefined) return u;
  }
  return binaryTypeError(op, a, b, inplace);
}

/** One operand's method for `op`: x.__add__(y) (or, reflected, x.__radd__(y) for y + x);
 *  NotImplemented when its type has none. Builtin types answer through nativeBinary. */
function binarySlot(op: string, x: PyValue, y: PyValue, reflected: boolean, inplace: boolean): PyValue {
  const cls = userClass(x);
  const [l, r] = reflected ? [y, x] : [x, y];
  if (cls) {
    const name = BINARY_DUNDER[op][reflected ? 1 : 0];
    const attr = cls.lookup(name);
    if (attr === undefined || attr === null) return NotImplemented;
    if (!(attr instanceof PyMethodDescriptor)) return callAttr(attr, x, cls, [y]);
  } else {
    const f = foreignOf(x);
    if (f) return (f.binop?.(op, l, r, inplace && !reflected) ?? NotImplemented) as PyValue;
  }
  return nativeBinary(op, l, r, inplace && !reflected) ?? NotImplemented;
}

function userBinaryOp(op: string, a: PyValue, b: PyValue, inplace: boolean): PyValue {
  const names = BINARY_DUNDER[op];
  if (!names) throw pyErr("SystemError", `unknown operator ${op}`);
  if (inplace) {
    const cls = userClass(a);
    const iop = cls ? override(cls, names[2]) : undefined;
    if (iop !== undefined && iop !== null) {
      const r = callAttr(iop, a, cls!, [b]);
      if (r !== NotImplemented) return r;
    }
  }
  const ta = classOf(a);
  const tb = classOf(b);
  let tryReflected = ta !== tb;
  if (tryReflected && tb.isSubclassOf(ta) && tb.lookup(names[1]) !== ta.lookup(names[1])) {
    const r = binarySlot(op, b, a, true, false);
    if (r !== NotImplemented) return r;
    tryReflected = false;
  }
  const r = binarySlot(op, a, b, false, inplace);
  if (r !== NotImplemented) return r;
  if (tryReflected) {
    const r2 = binarySlot(op, b, a, true, false);
    if (r2 !== NotImplemented) return r2;
  }
  const repeated = sequenceRepeat(op, a, b, inplace);
  if (repeated !== undefined) return repeated;
  return binaryTypeError(op, a, b, inplace);
}

const UNARY_DUNDER: Record<string, string> = { "-": "__neg__", "+": "__pos__", "~": "__invert__", abs: "__abs__" };

export function unaryOp(op: string, v: PyValue): PyValue {
  if (op === "not") return !truthy(v);
  const cls = userClass(v);
  if (cls) {
    const r = trySpecial(cls, v, UNARY_DUNDER[op]);
    if (r !== NO_METHOD) return r;
  }
  const f = foreignOf(v);
  if (f?.unop) {
    const r = f.unop(op, v);
    if (r !== undefined) return r;
  }
  const r = nativeUnary(op, v);
  if (r !== undefined) return r;
  const name = op === "-" ? "unary -" : op === "+" ? "unary +" : "unary ~";
  throw pyErr("TypeError", `bad operand type for ${name}: '${typeName(v)}'`);
}

/** printf-style "%.2f %s" % (x, y). */
export function percentFormat(fmt: string, arg: PyValue): string {
  const args = arg instanceof PyTuple ? arg.items : [arg];
  let i = 0;
  const out = fmt.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdirfFeEgGxXo%c])/g, (_m, flags: string, width, prec, type: string) => {
    if (type === "%") return "%";
    if (i >= args.length) throw pyErr("TypeError", "not enough arguments for format string");
    if (width !== undefined && BigInt(width) > SSIZE_MAX) throw pyErr("ValueError", "width too big");
    if (prec !== undefined && BigInt(prec) > SSIZE_MAX) throw pyErr("ValueError", "precision too big");
    const v = args[i++];
    let spec = "";
    if (flags.includes("-")) spec += "<";
    if (flags.includes("+")) spec += "+";
    else if (flags.includes(" ")) spec += " ";
    if (flags.includes("0") && !flags.includes("-")) spec += "0";
    if (width) spec += width;
    if (prec !== undefined) spec += `.${prec}`;
    // %s/%r take only the - flag, width and precision (a 0 flag pads with spaces)
    const strSpec = (flags.includes("-") ? "<" : ">") + (width ?? "") + (prec !== undefined ? `.${prec}` : "");
    if (type === "s") return formatStr(pyStr(v), strSpec);
    if (type === "r") return formatStr(pyRepr(v), strSpec);
    if (type === "c") return isInt(v) ? String.fromCodePoint(Number(toBig(v))) : pyStr(v);
    if (!isNumber(v)) {
      const f = foreignOf(v);
      if (f?.toFloat) return formatFloat(f.toFloat(v), spec + (type === "d" || type === "i" ? ".0f" : type));
      throw pyErr("TypeError", `%${type} format: a real number is required, not ${typeName(v)}`);
    }
    if (type === "d" || type === "i") {
      const n = typeof v === "number" ? BigInt(Math.trunc(v)) : toBig(v);
      return formatInt(n, spec.replace(/\.\d+/, ""));
    }
    if (type === "x" || type === "X" || type === "o") return formatInt(typeof v === "number" ? BigInt(Math.trunc(v)) : toBig(v), spec + type);
    return formatFloat(toNum(v), spec + type);
  });
  const mapping = arg instanceof PyDict || (!(arg instanceof PyTuple) && typeof arg !== "string" && userClass(arg)?.lookup("__getitem__") != null);
  if (i < args.length && !(args.length === 1 && mapping))
    throw pyErr("TypeError", "not all arguments converted during string formatting");
  return out;
}

/** format(v, spec) as f-strings call it. */
export function formatValue(v: PyValue, spec: string): string {
  if (typeof v === "boolean") return spec === "" ? pyStr(v) : formatInt(v ? 1n : 0n, spec);
  if (typeof v === "bigint") return formatInt(v, spec);
  if (typeof v === "number") return formatFloat(v, spec);
  if (typeof v === "string") return formatStr(v, spec);
  const cls = userClass(v);
  if (cls) {
    const m = override(cls, "__format__");
    if (m !== undefined && m !== null) {
      const r = callAttr(m, v, cls, [spec]);
      if (typeof r !== "string") throw pyErr("TypeError", `__format__ must return a str, not ${typeName(r)}`);
      return r;
    }
  }
  const f = foreignOf(v);
  if (f?.format) return f.format(v, spec);
  if (spec === "") return pyStr(v);
  throw pyErr("TypeError", `unsupported format string passed to ${typeName(v)}.__format__`);
}

export function isException(v: PyValue): v is PyException {
  return v instanceof PyException;
}

export function isEllipsis(v: PyValue): boolean {
  return v instanceof PyEllipsis;
}

export function isPyObj(v: PyValue): v is PyObj {
  return v instanceof PyObj;
}
