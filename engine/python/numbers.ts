// Numbers and the builtin types' own operators: int/float arithmetic with Python's rules
// (floor division, modulo signs, int overflow limits), str/list/tuple concatenation and
// repetition, dict and set operators. `nativeBinary` answers undefined where the builtin type
// has no such operation (NotImplemented), so a user class's reflected method can still run.
import { asSsize, checkNewSize, MAX_ITEMS, SSIZE_MAX, tooLarge } from "./limits.ts";
import { PyDict, PyList, PySet, PyTuple, type PyValue, foreignOf, listChanged, pyErr, typeName } from "./values.ts";
import { trySpecial, userClass, NO_METHOD } from "./dunder.ts";
import { iterate } from "./sequence.ts";
import { percentFormat } from "./ops.ts";
import { SLOT_BYTES, budget } from "./budget.ts";
import { libmPow } from "../random/libmPow.ts";

export const MAX_INT_BITS = 100_000;

export function isInt(v: PyValue): v is bigint | boolean {
  return typeof v === "bigint" || typeof v === "boolean";
}
export function isNumber(v: PyValue): v is bigint | boolean | number {
  return typeof v === "bigint" || typeof v === "boolean" || typeof v === "number";
}
export function toBig(v: bigint | boolean): bigint {
  return typeof v === "boolean" ? (v ? 1n : 0n) : v;
}
export function toNum(v: bigint | boolean | number): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v);
  if (!Number.isFinite(n)) throw pyErr("OverflowError", "int too large to convert to float");
  return n;
}

/** An int usable as an index: int, bool, a foreign value that offers __index__, or an
 *  instance whose class defines __index__. */
export function asIndex(v: PyValue): bigint | undefined {
  if (isInt(v)) return toBig(v);
  const cls = userClass(v);
  if (cls) {
    const r = trySpecial(cls, v, "__index__");
    if (r === NO_METHOD) return undefined;
    if (!isInt(r)) throw pyErr("TypeError", `__index__ returned non-int (type ${typeName(r)})`);
    return toBig(r);
  }
  const f = foreignOf(v);
  return f?.toIndex?.(v);
}

export const OP_NAMES: Record<string, string> = {
  "+": "+",
  "-": "-",
  "*": "*",
  "/": "/",
  "//": "//",
  "%": "%",
  "**": "** or pow()",
  "@": "@",
  "&": "&",
  "|": "|",
  "^": "^",
  "<<": "<<",
  ">>": ">>",
  divmod: "divmod()",
};

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && a < 0n !== b < 0n) ? q - 1n : q;
}
function modBig(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}
function modFloat(a: number, b: number): number {
  let r = a % b;
  if (r !== 0 && r < 0 !== b < 0) r += b;
  else if (r === 0) r = b < 0 ? -0 : 0;
  return r;
}
function floorDivFloat(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return (a / b) < 0 ? -0 : 0;
  let floordiv = Math.floor(div);
  if (div - floordiv > 0.5) floordiv += 1;
  return floordiv;
}

function bitLength(x: bigint): number {
  return (x < 0n ? -x : x).toString(2).length;
}

function intArith(op: string, a: bigint, b: bigint): PyValue | undefined {
  switch (op) {
    case "divmod":
      return new PyTuple([intArith("//", a, b)!, intArith("%", a, b)!]);
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      if (bitLength(a) + bitLength(b) > MAX_INT_BITS) throw pyErr("MemoryError", "integer result too large");
      return a * b;
    case "/":
      if (b === 0n) throw pyErr("ZeroDivisionError", "division by zero");
      return toNum(a) / toNum(b);
    case "//":
      if (b === 0n) throw pyErr("ZeroDivisionError", "integer division or modulo by zero");
      return floorDivBig(a, b);
    case "%":
      if (b === 0n) throw pyErr("ZeroDivisionError", "integer modulo by zero");
      return modBig(a, b);
    case "**":
      if (b < 0n) {
        if (a === 0n) throw pyErr("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        return floatArith("**", toNum(a), toNum(b));
      }
      if (a !== 0n && a !== 1n && a !== -1n && bitLength(a) * Number(b) > MAX_INT_BITS)
        throw pyErr("MemoryError", "integer result too large (Gradlens limits ints to 100000 bits)");
      return a ** b;
    case "&":
      return a & b;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    case "<<":
      if (b < 0n) throw pyErr("ValueError", "negative shift count");
      if (b > BigInt(MAX_INT_BITS)) throw pyErr("MemoryError", "integer result too large");
      return a << b;
    case ">>":
      if (b < 0n) throw pyErr("ValueError", "negative shift count");
      return a >> b;
  }
  return undefined;
}

function floatArith(op: string, a: number, b: number): PyValue | undefined {
  switch (op) {
    case "divmod":
      return new PyTuple([floatArith("//", a, b)!, floatArith("%", a, b)!]);
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) throw pyErr("ZeroDivisionError", "float division by zero");
      return a / b;
    case "//":
      if (b === 0) throw pyErr("ZeroDivisionError", "float floor division by zero");
      return floorDivFloat(a, b);
    case "%":
      if (b === 0) throw pyErr("ZeroDivisionError", "float modulo");
      return modFloat(a, b);
    case "**": {
      if (a === 0 && b < 0) throw pyErr("ZeroDivisionError", "0.0 cannot be raised to a negative power");
      if (a < 0 && !Number.isInteger(b) && Number.isFinite(b))
        throw pyErr("NotImplementedError", "complex numbers are not supported by Gradlens (a negative number to a fractional power)");
      // glibc's pow, as CPython's float_pow calls it (JS's ** differs in the last bit for ~8%)
      const r = libmPow(a, b);
      if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b))
        throw pyErr("OverflowError", "(34, 'Numerical result out of range')");
      return r;
    }
  }
  return undefined;
}



export { SLOT_BYTES };

/** seq * n reads n as Py_ssize_t */
function repeatCount(n: bigint): bigint {
  return asSsize(n, "cannot fit 'int' into an index-sized integer");
}

function repeat<T>(items: T[], n: bigint): T[] {
  if (repeatCount(n) <= 0n || items.length === 0) return [];
  checkNewSize(BigInt(items.length) * n, 8);
  // [0] * n, the common case, in one fill (a loop of n pushes was most of `l.append([0] * 1000)`)
  if (items.length === 1) return new Array<T>(Number(n)).fill(items[0]);
  const out: T[] = [];
  for (let i = 0n; i < n; i++) pushAll(out, items);
  return out;
}

function repeatString(s: string, n: bigint): string {
  if (repeatCount(n) <= 0n || s.length === 0) return "";
  if (BigInt(s.length) * n > SSIZE_MAX) throw pyErr("OverflowError", "repeated string is too long");
  checkNewSize(BigInt(s.length) * n, 1);
  budget.allocate(2 * s.length * Number(n));
  return s.repeat(Number(n));
}

/** target.push(...items) without spreading (a spread of ~100,000 items overflows the call
 *  stack) and within MAX_ITEMS */
export function pushAll<T>(target: T[], items: readonly T[] | Iterable<T>): T[] {
  // materialised first: extending a list with itself adds its items once
  const list = Array.isArray(items) ? (items as readonly T[]) : Array.from(items);
  const n = list.length; // fixed: `l += l` adds l's items once
  if (target.length + n > MAX_ITEMS) throw tooLarge();
  budget.allocate(n * SLOT_BYTES);
  for (let i = 0; i < n; i++) target.push(list[i]);
  return target;
}

/** a + b for lists and tuples */
function concat<T>(a: readonly T[], b: readonly T[]): T[] {
  return pushAll(pushAll([], a), b);
}


/** a <op> b for builtin operands; undefined when the types do not support it (NotImplemented).
 *  Raises only what the operation itself raises (ZeroDivisionError, MemoryError...). */
export function nativeBinary(op: string, a: PyValue, b: PyValue, inplace = false): PyValue | undefined {
  if (isInt(a) && isInt(b)) {
    if (typeof a === "boolean" && typeof b === "boolean" && (op === "&" || op === "|" || op === "^")) {
      return op === "&" ? a && b : op === "|" ? a || b : a !== b;
    }
    return intArith(op, toBig(a), toBig(b));
  }
  if (isNumber(a) && isNumber(b)) return floatArith(op, toNum(a), toNum(b));
  if (typeof a === "string") {
    if (op === "+" && typeof b === "string") {
      budget.allocate(SLOT_BYTES + 2 * (a.length + b.length));
      return a + b;
    }
    if (op === "*" && isInt(b)) return repeatString(a, toBig(b));
    if (op === "%") return percentFormat(a, b);
    return undefined;
  }
  if (typeof b === "string") return op === "*" && isInt(a) ? repeatString(b, toBig(a)) : undefined;
  if (a instanceof PyList) {
    if (op === "+" && b instanceof PyList) {
      if (inplace) {
        pushAll(a.items, b.items);
        listChanged(a);
        return a;
      }
      return new PyList(concat(a.items, b.items));
    }
    if (op === "+" && inplace) {
      pushAll(a.items, iterate(b));
      listChanged(a);
      return a;
    }
    if (op === "*" && isInt(b)) {
      const items = repeat(a.items, toBig(b));
      if (inplace) {
        a.items = items;
        listChanged(a);
        return a;
      }
      return new PyList(items);
    }
    return undefined;
  }
  if (a instanceof PyTuple) {
    if (op === "+" && b instanceof PyTuple) return new PyTuple(concat(a.items, b.items));
    if (op === "*" && isInt(b)) return new PyTuple(repeat(a.items, toBig(b)));
    return undefined;
  }
  if ((b instanceof PyList || b instanceof PyTuple) && op === "*" && isInt(a)) {
    const items = repeat(b.items, toBig(a));
    return b instanceof PyList ? new PyList(items) : new PyTuple(items);
  }
  if (a instanceof PyDict && b instanceof PyDict && op === "|") {
    const d = inplace ? a : new PyDict();
    if (!inplace) for (const [k, v] of a.table.entries()) d.table.set(k, v);
    for (const [k, v] of b.table.entries()) d.table.set(k, v);
    return d;
  }
  if (a instanceof PySet && b instanceof PySet) return setOp(op, a, b, inplace);
  return undefined;
}

/** set | & - ^ with CPython's construction order (so the result iterates as CPython's does) */
function setOp(op: string, a: PySet, b: PySet, inplace: boolean): PySet | undefined {
  const out = inplace ? a : new PySet();
  switch (op) {
    case "|":
      if (!inplace) out.table.merge(a.table);
      out.table.merge(b.table);
      return out;
    case "&": {
      // set_intersection walks the smaller set and keeps what the other holds
      const [small, big] = b.table.size > a.table.size ? [a, b] : [b, a];
      const keep = new PySet();
      for (const [k, h] of small.table.slots()) if (big.table.has(k)) keep.table.add(k, h);
      if (!inplace) return keep;
      a.table = keep.table;
      return a;
    }
    case "-": {
      if (inplace || a.table.size >> 2 > b.table.size) {
        // a copy of a with b's members discarded (set_difference on a much larger a)
        if (!inplace) out.table.merge(a.table);
        for (const k of b.table.values()) out.table.delete(k);
        return out;
      }
      for (const [k, h] of a.table.slots()) if (!b.table.has(k)) out.table.add(k, h);
      return out;
    }
    case "^": {
      if (!inplace) out.table.merge(a.table);
      for (const [k, h] of b.table.slots()) if (!out.table.delete(k)) out.table.add(k, h);
      return out;
    }
  }
  return undefined;
}

function isSeq(v: PyValue): boolean {
  return typeof v === "string" || v instanceof PyList || v instanceof PyTuple;
}

/** After both operands' methods declined a * b: a sequence repeated by an object with
 *  __index__ (CPython's sq_repeat fallback); undefined when neither operand is a sequence. */
export function sequenceRepeat(op: string, a: PyValue, b: PyValue, inplace: boolean): PyValue | undefined {
  if (op !== "*" || !(isSeq(a) || (!inplace && isSeq(b)))) return undefined;
  const [seq, n] = isSeq(a) ? [a, b] : [b, a];
  const count = asIndex(n);
  if (count === undefined) return undefined;
  return nativeBinary("*", seq, count, inplace && seq === a);
}

/** The TypeError when no operand supports the operation, worded as CPython words it. */
export function binaryTypeError(op: string, a: PyValue, b: PyValue, inplace: boolean): never {
  if (op === "+" && !inplace) {
    if (typeof a === "string") throw pyErr("TypeError", `can only concatenate str (not "${typeName(b)}") to str`);
    if (a instanceof PyList) throw pyErr("TypeError", `can only concatenate list (not "${typeName(b)}") to list`);
    if (a instanceof PyTuple) throw pyErr("TypeError", `can only concatenate tuple (not "${typeName(b)}") to tuple`);
  }
  // a * b repeats a sequence on either side, a *= b only the left one
  if (op === "*" && (isSeq(a) || (!inplace && isSeq(b)))) {
    const other = isSeq(a) ? b : a;
    throw pyErr("TypeError", `can't multiply sequence by non-int of type '${typeName(other)}'`);
  }
  const sym = inplace ? `${OP_NAMES[op] ?? op}=`.replace("** or pow()=", "**=") : OP_NAMES[op] ?? op;
  throw pyErr("TypeError", `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** -v, +v, ~v of builtin numbers; undefined when not supported */
export function nativeUnary(op: string, v: PyValue): PyValue | undefined {
  if (isInt(v)) {
    const x = toBig(v);
    if (op === "-") return -x;
    if (op === "+") return x;
    if (op === "~") return ~x;
  }
  if (typeof v === "number") {
    if (op === "-") return -v;
    if (op === "+") return v;
  }
  return undefined;
}
