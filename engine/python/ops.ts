// Python's operators on values: arithmetic with int/float/bool rules, comparisons,
// truthiness, equality and hashing, iteration, len, indexing and slicing. Foreign objects
// (tensors) get their turn through their ForeignType hooks, as __add__/__radd__ would.
import { formatFloat, formatInt, formatStr } from "./format.ts";
import { pyRepr, pyStr } from "./repr.ts";
import {
  PyClass,
  PyDict,
  PyEllipsis,
  PyError,
  PyException,
  PyIterator,
  PyList,
  PyObj,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  type PyValue,
  foreignOf,
  pyErr,
  typeName,
} from "./values.ts";

const MAX_INT_BITS = 100_000;

/** The running interpreter's step counter (set by it): long ranges consumed by builtins count too. */
export const budget = {
  tick: (): void => undefined,
  /** big Python values being built (lists, strings): counted against the run's memory budget */
  allocate: (bytes: number): void => void bytes,
};

/** what budget.allocate is told a list slot or a string character costs */
export const SLOT_BYTES = 16;

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

/** An int usable as an index: int, bool, or a foreign value that offers __index__. */
export function asIndex(v: PyValue): bigint | undefined {
  if (isInt(v)) return toBig(v);
  const f = foreignOf(v);
  return f?.toIndex?.(v);
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
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict || v instanceof PySet) return v.map.size > 0;
  if (v instanceof PyRange) return v.length > 0n;
  const f = foreignOf(v);
  if (f?.truthy) return f.truthy(v);
  if (f?.len) return f.len(v) > 0;
  return true;
}

// ---- hashing and equality ----

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
function objectId(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(o, id);
  }
  return id;
}

/** A string key equal for Python-equal hashable values (dict and set keys). */
export function hashKey(v: PyValue): string {
  switch (typeof v) {
    case "bigint":
      return `i${v}`;
    case "boolean":
      return v ? "i1" : "i0";
    case "number":
      return Number.isInteger(v) ? `i${BigInt(v)}` : `f${v}`;
    case "string":
      return `s${v}`;
  }
  if (v === null) return "None";
  if (v instanceof PyTuple) return `t(${v.items.map(hashKey).join(",")})`;
  if (v instanceof PyList || v instanceof PyDict || v instanceof PySet)
    throw pyErr("TypeError", `unhashable type: '${typeName(v)}'`);
  return `o${objectId(v as object)}`;
}

export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (a === b) return typeof a !== "number" || !Number.isNaN(a);
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
  if (typeof a === "string" || typeof b === "string") return false;
  if (a instanceof PyTuple && b instanceof PyTuple) return seqEquals(a.items, b.items);
  if (a instanceof PyList && b instanceof PyList) return seqEquals(a.items, b.items);
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.map.size !== b.map.size) return false;
    for (const [k, [, v]] of a.map) {
      const other = b.map.get(k);
      if (!other || !pyEquals(v, other[1])) return false;
    }
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) {
    if (a.map.size !== b.map.size) return false;
    for (const k of a.map.keys()) if (!b.map.has(k)) return false;
    return true;
  }
  if (a instanceof PyRange && b instanceof PyRange)
    return pyEquals(new PyList(rangeItems(a)), new PyList(rangeItems(b)));
  return false;
}

function seqEquals(a: PyValue[], b: PyValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!(a[i] === b[i] || pyEquals(a[i], b[i]))) return false;
  return true;
}

/** -1, 0, 1, or NaN when unordered. */
function compareNumbers(a: bigint | boolean | number, b: bigint | boolean | number): number {
  if (typeof a !== "number" && typeof b !== "number") {
    const x = toBig(a);
    const y = toBig(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  // int vs float: compare exactly when the float is integral
  const f = typeof a === "number" ? a : (b as number);
  const i = toBig(typeof a === "number" ? (b as bigint | boolean) : (a as bigint | boolean));
  let r: number;
  if (Number.isNaN(f)) return NaN;
  if (!Number.isFinite(f)) r = f > 0 ? -1 : 1;
  else if (Number.isInteger(f)) {
    const fb = BigInt(f);
    r = i < fb ? -1 : i > fb ? 1 : 0;
  } else {
    const fi = Number(i);
    r = fi < f ? -1 : 1;
  }
  return typeof a === "number" ? -r : r;
}

function compareOrder(op: string, a: PyValue, b: PyValue): number {
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    const x = a.items;
    const y = (b as PyList | PyTuple).items;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (!pyEquals(x[i], y[i])) return compareOrder(op, x[i], y[i]);
    }
    return x.length - y.length;
  }
  throw pyErr("TypeError", `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function compare(op: string, a: PyValue, b: PyValue): PyValue {
  switch (op) {
    case "is":
      return identical(a, b);
    case "is not":
      return !identical(a, b);
    case "in":
      return contains(b, a);
    case "not in":
      return !contains(b, a);
  }
  const fa = foreignOf(a);
  const fb = foreignOf(b);
  if (fa?.binop || fb?.binop) {
    const r = fa?.binop?.(op, a, b, false) ?? fb?.binop?.(op, a, b, false);
    if (r !== undefined) return r;
  }
  switch (op) {
    case "==":
      return pyEquals(a, b);
    case "!=":
      return !pyEquals(a, b);
  }
  const c = compareOrder(op, a, b);
  switch (op) {
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
  }
  throw pyErr("SystemError", `unknown comparison ${op}`);
}

export function identical(a: PyValue, b: PyValue): boolean {
  // small ints and interned strings are the same object in CPython; floats are boxed
  if (typeof a === "bigint" && typeof b === "bigint") return a === b && a >= -5n && a <= 256n;
  if (typeof a === "number" && typeof b === "number") return false;
  return a === b;
}

export function contains(container: PyValue, item: PyValue): boolean {
  if (typeof container === "string") {
    if (typeof item !== "string")
      throw pyErr("TypeError", `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyDict) return container.map.has(hashKey(item));
  if (container instanceof PySet) return container.map.has(hashKey(item));
  if (container instanceof PyRange) {
    const i = isInt(item) ? toBig(item) : typeof item === "number" && Number.isInteger(item) ? BigInt(item) : null;
    if (i === null) return false;
    const { start, stop, step } = container;
    if (step > 0n ? i < start || i >= stop : i > start || i <= stop) return false;
    return (i - start) % step === 0n;
  }
  if (container instanceof PyList || container instanceof PyTuple)
    return container.items.some((x) => identical(x, item) || x === item || truthy(compare("==", x, item)));
  const f = foreignOf(container);
  if (f?.binop) {
    const r = f.binop("contains", container, item, false);
    if (r !== undefined) return truthy(r);
  }
  if (f?.iter) return f.iter(container).some((x) => truthy(compare("==", x, item)));
  throw pyErr("TypeError", `argument of type '${typeName(container)}' is not iterable`);
}

// ---- arithmetic ----

const OP_NAMES: Record<string, string> = {
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
      const r = a ** b;
      if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b))
        throw pyErr("OverflowError", "(34, 'Numerical result out of range')");
      return r;
    }
  }
  return undefined;
}

/** The longest list, tuple or repeated string Gradlens builds: past this a program is almost
 *  surely doubling something in a loop, and JavaScript would die of it (not raise). */
export const MAX_ITEMS = 10_000_000;

function tooLarge(): PyError {
  return pyErr("MemoryError", "sequence too large");
}

function repeat<T>(items: T[], n: bigint): T[] {
  if (n <= 0n) return [];
  if (BigInt(items.length) * n > BigInt(MAX_ITEMS)) throw tooLarge();
  budget.allocate(items.length * Number(n) * SLOT_BYTES);
  const out: T[] = [];
  for (let i = 0n; i < n; i++) pushAll(out, items);
  return out;
}

function repeatString(s: string, n: bigint): string {
  if (n <= 0n || s.length === 0) return "";
  if (n > BigInt(MAX_ITEMS)) throw tooLarge();
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
  if (n > 1024) budget.allocate(n * SLOT_BYTES);
  for (let i = 0; i < n; i++) target.push(list[i]);
  return target;
}

/** a + b for lists and tuples */
function concat<T>(a: readonly T[], b: readonly T[]): T[] {
  return pushAll(pushAll([], a), b);
}

/** a <op> b for Python's binary operators; `inplace` for augmented assignment. */
export function binaryOp(op: string, a: PyValue, b: PyValue, inplace = false): PyValue {
  const fa = foreignOf(a);
  const fb = foreignOf(b);
  if (fa?.binop || fb?.binop) {
    const r = (fa?.binop?.(op, a, b, inplace) ?? undefined) ?? fb?.binop?.(op, a, b, false);
    if (r !== undefined) return r;
  }
  if (isInt(a) && isInt(b)) {
    if (typeof a === "boolean" && typeof b === "boolean" && (op === "&" || op === "|" || op === "^")) {
      return op === "&" ? a && b : op === "|" ? a || b : a !== b;
    }
    const r = intArith(op, toBig(a), toBig(b));
    if (r !== undefined) return r;
  } else if (isNumber(a) && isNumber(b)) {
    const r = floatArith(op, toNum(a), toNum(b));
    if (r !== undefined) return r;
  } else if (typeof a === "string") {
    if (op === "+" && typeof b === "string") {
      if (a.length + b.length > 1 << 16) budget.allocate(2 * (a.length + b.length));
      return a + b;
    }
    if (op === "*" && isInt(b)) return repeatString(a, toBig(b));
    if (op === "%") return percentFormat(a, b);
    if (op === "+") throw pyErr("TypeError", `can only concatenate str (not "${typeName(b)}") to str`);
  } else if (typeof b === "string" && op === "*" && isInt(a)) {
    return repeatString(b, toBig(a));
  } else if (a instanceof PyList) {
    if (op === "+" && b instanceof PyList) {
      if (inplace) {
        pushAll(a.items, b.items);
        return a;
      }
      return new PyList(concat(a.items, b.items));
    }
    if (op === "+" && inplace) {
      pushAll(a.items, iterate(b));
      return a;
    }
    if (op === "*" && isInt(b)) {
      const items = repeat(a.items, toBig(b));
      if (inplace) {
        a.items = items;
        return a;
      }
      return new PyList(items);
    }
    if (op === "+") throw pyErr("TypeError", `can only concatenate list (not "${typeName(b)}") to list`);
  } else if (a instanceof PyTuple) {
    if (op === "+" && b instanceof PyTuple) return new PyTuple(concat(a.items, b.items));
    if (op === "*" && isInt(b)) return new PyTuple(repeat(a.items, toBig(b)));
    if (op === "+") throw pyErr("TypeError", `can only concatenate tuple (not "${typeName(b)}") to tuple`);
  } else if ((b instanceof PyList || b instanceof PyTuple) && op === "*" && isInt(a)) {
    const items = repeat(b.items, toBig(a));
    return b instanceof PyList ? new PyList(items) : new PyTuple(items);
  } else if (a instanceof PyDict && b instanceof PyDict && op === "|") {
    const d = new PyDict();
    for (const [k, e] of a.map) d.map.set(k, e);
    for (const [k, e] of b.map) d.map.set(k, e);
    return d;
  }
  if (op === "*" && (isSeq(a) || isSeq(b)) && !(isSeq(a) && isSeq(b))) {
    const other = isSeq(a) ? b : a;
    throw pyErr("TypeError", `can't multiply sequence by non-int of type '${typeName(other)}'`);
  }
  if (op === "*" && isSeq(a) && isSeq(b)) throw pyErr("TypeError", `can't multiply sequence by non-int of type '${typeName(b)}'`);
  const sym = inplace ? `${OP_NAMES[op] ?? op}=`.replace("** or pow()=", "**=") : OP_NAMES[op] ?? op;
  throw pyErr("TypeError", `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

function isSeq(v: PyValue): boolean {
  return typeof v === "string" || v instanceof PyList || v instanceof PyTuple;
}

/** dict[key] = value; an equal key already present keeps its original object (d[1.0] keeps key 1) */
export function dictSet(d: PyDict, key: PyValue, value: PyValue): void {
  const h = hashKey(key);
  const old = d.map.get(h);
  d.map.set(h, [old ? old[0] : key, value]);
}

export function unaryOp(op: string, v: PyValue): PyValue {
  if (op === "not") return !truthy(v);
  const f = foreignOf(v);
  if (f?.unop) {
    const r = f.unop(op, v);
    if (r !== undefined) return r;
  }
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
  if (i < args.length && !(args.length === 1 && arg instanceof PyDict))
    throw pyErr("TypeError", "not all arguments converted during string formatting");
  return out;
}

// ---- iteration, len, items ----

export function rangeItems(r: PyRange): PyValue[] {
  const n = r.length;
  if (n > 10_000_000n) throw pyErr("MemoryError", "range too large to materialize");
  const out: PyValue[] = [];
  for (let i = 0n; i < n; i++) out.push(r.start + i * r.step);
  return out;
}

/** Iterate any Python iterable (lists live, like CPython's index-based list iterator). */
export function* iterate(v: PyValue): Generator<PyValue, void, undefined> {
  if (v instanceof PyList) {
    for (let i = 0; i < v.items.length; i++) yield v.items[i];
    return;
  }
  if (v instanceof PyTuple) {
    yield* v.items;
    return;
  }
  if (typeof v === "string") {
    yield* v;
    return;
  }
  if (v instanceof PyRange) {
    // sum(range(10**9)) must stop at the step budget like a loop would
    const n = v.length;
    let x = v.start;
    for (let i = 0n; i < n; i++, x += v.step) {
      if ((Number(i) & 15) === 15) budget.tick();
      yield x;
    }
    return;
  }
  if (v instanceof PyDict) {
    const size = v.map.size;
    for (const [k] of [...v.map.values()]) {
      if (v.map.size !== size) throw pyErr("RuntimeError", "dictionary changed size during iteration");
      yield k;
    }
    if (v.map.size !== size) throw pyErr("RuntimeError", "dictionary changed size during iteration");
    return;
  }
  if (v instanceof PySet) {
    yield* [...v.map.values()];
    return;
  }
  if (v instanceof PyIterator) {
    for (let x = v.next(); x !== undefined; x = v.next()) yield x;
    return;
  }
  const f = foreignOf(v);
  if (f?.iter) {
    yield* f.iter(v);
    return;
  }
  throw pyErr("TypeError", `'${typeName(v)}' object is not iterable`);
}

const SURROGATE = /[\ud800-\udfff]/;

/** len() of a Python str: its code points, counted without building an array of them */
export function codePointLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

export function pyLen(v: PyValue): number {
  if (typeof v === "string") return codePointLength(v);
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict || v instanceof PySet) return v.map.size;
  if (v instanceof PyRange) return Number(v.length);
  const f = foreignOf(v);
  if (f?.len) return f.len(v);
  throw pyErr("TypeError", `object of type '${typeName(v)}' has no len()`);
}

/** start, stop, step of a slice over a sequence of length n (slice.indices). */
export function sliceIndices(s: PySlice, n: number): [number, number, number] {
  const num = (v: PyValue, what: string): number | null => {
    if (v === null) return null;
    const i = asIndex(v);
    if (i === undefined) throw pyErr("TypeError", `slice indices must be integers or None or have an __index__ method`);
    void what;
    return Number(i);
  };
  const step = num(s.step, "step") ?? 1;
  if (step === 0) throw pyErr("ValueError", "slice step cannot be zero");
  let start = num(s.start, "start");
  let stop = num(s.stop, "stop");
  if (step > 0) {
    start = start === null ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    stop = stop === null ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
  } else {
    start = start === null ? n - 1 : start < 0 ? Math.max(-1, start + n) : Math.min(start, n - 1);
    stop = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
  }
  return [start, stop, step];
}

function sliceItems<T>(items: T[], s: PySlice): T[] {
  const [start, stop, step] = sliceIndices(s, items.length);
  const out: T[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]);
  else for (let i = start; i > stop; i += step) out.push(items[i]);
  return out;
}

/** s[a:b:c] of a string without surrogates: substring for step 1, characters otherwise */
function sliceString(s: string, sl: PySlice): string {
  const [start, stop, step] = sliceIndices(sl, s.length);
  if (step === 1) return start < stop ? s.slice(start, stop) : "";
  let out = "";
  if (step > 0) for (let i = start; i < stop; i += step) out += s[i];
  else for (let i = start; i > stop; i += step) out += s[i];
  return out;
}

function seqIndex(v: PyValue, n: number, what: string, index: PyValue): number {
  const i = asIndex(index);
  if (i === undefined)
    throw pyErr("TypeError", `${what} indices must be integers or slices, not ${typeName(index)}`);
  const j = i < 0n ? i + BigInt(n) : i;
  if (j < 0n || j >= BigInt(n)) throw pyErr("IndexError", `${what} index out of range`);
  void v;
  return Number(j);
}

export function getItem(v: PyValue, index: PyValue): PyValue {
  if (v instanceof PyList || (v instanceof PyTuple)) {
    const what = v instanceof PyList ? "list" : "tuple";
    if (index instanceof PySlice) {
      const items = sliceItems(v.items, index);
      return v instanceof PyList ? new PyList(items) : new PyTuple(items);
    }
    return v.items[seqIndex(v, v.items.length, what, index)];
  }
  if (typeof v === "string") {
    // code units are code points unless the string holds a surrogate pair
    if (!SURROGATE.test(v)) {
      if (index instanceof PySlice) return sliceString(v, index);
      return v[seqIndex(v, v.length, "string", index)];
    }
    const chars = [...v];
    if (index instanceof PySlice) return sliceItems(chars, index).join("");
    return chars[seqIndex(v, chars.length, "string", index)];
  }
  if (v instanceof PyDict) {
    const e = v.map.get(hashKey(index));
    if (!e) {
      const err = pyErr("KeyError");
      err.exc.args.push(index);
      throw err;
    }
    return e[1];
  }
  if (v instanceof PyRange) {
    if (index instanceof PySlice) return new PyList(sliceItems(rangeItems(v), index));
    const i = seqIndex(v, Number(v.length), "range object", index);
    return v.start + BigInt(i) * v.step;
  }
  const f = foreignOf(v);
  if (f?.getitem) return f.getitem(v, index);
  if (v instanceof PyClass) throw pyErr("TypeError", `type '${v.name}' is not subscriptable`);
  throw pyErr("TypeError", `'${typeName(v)}' object is not subscriptable`);
}

export function setItem(v: PyValue, index: PyValue, value: PyValue): void {
  if (v instanceof PyList) {
    if (index instanceof PySlice) {
      const [start, stop, step] = sliceIndices(index, v.items.length);
      const items = [...iterate(value)];
      if (step === 1) {
        v.items.splice(start, Math.max(0, stop - start), ...items);
        return;
      }
      const targets: number[] = [];
      if (step > 0) for (let i = start; i < stop; i += step) targets.push(i);
      else for (let i = start; i > stop; i += step) targets.push(i);
      if (targets.length !== items.length)
        throw pyErr(
          "ValueError",
          `attempt to assign sequence of size ${items.length} to extended slice of size ${targets.length}`,
        );
      targets.forEach((t, j) => (v.items[t] = items[j]));
      return;
    }
    const i = asIndex(index);
    if (i === undefined) throw pyErr("TypeError", `list indices must be integers or slices, not ${typeName(index)}`);
    const j = i < 0n ? i + BigInt(v.items.length) : i;
    if (j < 0n || j >= BigInt(v.items.length)) throw pyErr("IndexError", "list assignment index out of range");
    v.items[Number(j)] = value;
    return;
  }
  if (v instanceof PyDict) {
    dictSet(v, index, value);
    return;
  }
  const f = foreignOf(v);
  if (f?.setitem) return f.setitem(v, index, value);
  throw pyErr("TypeError", `'${typeName(v)}' object does not support item assignment`);
}

export function delItem(v: PyValue, index: PyValue): void {
  if (v instanceof PyList) {
    if (index instanceof PySlice) {
      const [start, stop, step] = sliceIndices(index, v.items.length);
      const drop = new Set<number>();
      if (step > 0) for (let i = start; i < stop; i += step) drop.add(i);
      else for (let i = start; i > stop; i += step) drop.add(i);
      v.items = v.items.filter((_, i) => !drop.has(i));
      return;
    }
    const i = asIndex(index);
    if (i === undefined) throw pyErr("TypeError", `list indices must be integers or slices, not ${typeName(index)}`);
    const j = i < 0n ? i + BigInt(v.items.length) : i;
    if (j < 0n || j >= BigInt(v.items.length)) throw pyErr("IndexError", "list assignment index out of range");
    v.items.splice(Number(j), 1);
    return;
  }
  if (v instanceof PyDict) {
    const key = hashKey(index);
    if (!v.map.has(key)) {
      const err = pyErr("KeyError");
      err.exc.args.push(index);
      throw err;
    }
    v.map.delete(key);
    return;
  }
  throw pyErr("TypeError", `'${typeName(v)}' object doesn't support item deletion`);
}

/** format(v, spec) as f-strings call it. */
export function formatValue(v: PyValue, spec: string): string {
  if (typeof v === "boolean") return spec === "" ? pyStr(v) : formatInt(v ? 1n : 0n, spec);
  if (typeof v === "bigint") return formatInt(v, spec);
  if (typeof v === "number") return formatFloat(v, spec);
  if (typeof v === "string") return formatStr(v, spec);
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
