// Comparisons: ==, !=, <, <=, >, >=, `is`, `in`, with CPython's rich-comparison dispatch —
// the right operand's reflected method first when its class is a subclass of the left's,
// NotImplemented passing the turn, == and != falling back to identity, ordering to TypeError.
import { PyMethod, PyMethodDescriptor } from "./descriptors.ts";
import { callAttr, override, userClass } from "./dunder.ts";
import { isInt, isNumber, toBig } from "./numbers.ts";
import { iterate, pyIter, rangeItems } from "./sequence.ts";
import { truthy } from "./ops.ts";
import {
  NotImplemented,
  PyDict,
  PyError,
  PyIterator,
  PyList,
  PyRange,
  PySet,
  PyTuple,
  type PyValue,
  classOf,
  foreignOf,
  objectClass,
  pyErr,
  typeName,
} from "./values.ts";

const REFLECTED: Record<string, string> = { "==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<=" };
export const COMPARE_DUNDER: Record<string, string> = {
  "==": "__eq__",
  "!=": "__ne__",
  "<": "__lt__",
  "<=": "__le__",
  ">": "__gt__",
  ">=": "__ge__",
};

/** Python `a == b` as a bool (what `in`, list.index and dict keys use). */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (a === b) return typeof a !== "number" || !Number.isNaN(a);
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
  if (typeof a === "string" && typeof b === "string") return false;
  if (userClass(a) || userClass(b)) return truthy(compare("==", a, b));
  return nativeEquals(a, b) ?? false;
}

/** `a == b` by the builtin types' own rules; undefined when they do not compare (then Python
 *  tries the other side, and finally identity). Items of containers compare with pyEquals. */
function nativeEquals(a: PyValue, b: PyValue): boolean | undefined {
  if (a === b) return typeof a !== "number" || !Number.isNaN(a);
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
  if (typeof a === "string" && typeof b === "string") return false;
  if (a instanceof PyTuple && b instanceof PyTuple) return seqEquals(a.items, b.items);
  if (a instanceof PyList && b instanceof PyList) return seqEquals(a.items, b.items);
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.table.size !== b.table.size) return false;
    for (const [k, v] of a.table.entries()) {
      const other = b.table.get(k);
      if (other === undefined || !(other === v || pyEquals(v, other))) return false;
    }
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) {
    if (a.table.size !== b.table.size) return false;
    for (const k of a.table.values()) if (!b.table.has(k)) return false;
    return true;
  }
  if (a instanceof PyRange && b instanceof PyRange)
    return pyEquals(new PyList(rangeItems(a)), new PyList(rangeItems(b)));
  if (a instanceof PyMethod && b instanceof PyMethod) return a.fn === b.fn && a.self === b.self;
  return undefined;
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

/** Ordering of builtin values: a number (-1, 0, 1, NaN), or undefined when not comparable. */
function compareOrder(op: string, a: PyValue, b: PyValue): number | undefined {
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    const x = a.items;
    const y = (b as PyList | PyTuple).items;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (!pyEquals(x[i], y[i])) {
        const r = compare(op, x[i], y[i]);
        return truthy(r) ? (op === "<" || op === "<=" ? -1 : 1) : op === "<" || op === "<=" ? 1 : -1;
      }
    }
    return x.length - y.length;
  }
  if (a instanceof PySet && b instanceof PySet) {
    // subset order: <= is issubset, < a proper subset
    const sub = (x: PySet, y: PySet): boolean => x.table.values().every((k) => y.table.has(k));
    const le = sub(a, b);
    const ge = sub(b, a);
    return le && ge ? 0 : le ? -1 : ge ? 1 : NaN;
  }
  return undefined;
}

/** a <op> b between builtin values; undefined when they do not compare (NotImplemented). */
export function nativeCompare(op: string, a: PyValue, b: PyValue): boolean | undefined {
  switch (op) {
    case "==":
      return nativeEquals(a, b);
    case "!=": {
      const eq = nativeEquals(a, b);
      return eq === undefined ? undefined : !eq;
    }
  }
  const c = compareOrder(op, a, b);
  if (c === undefined) return undefined;
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
  return undefined;
}

function orderError(op: string, a: PyValue, b: PyValue): never {
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
  if (userClass(a) || userClass(b)) return richCompare(op, a, b);
  const fa = foreignOf(a);
  const fb = foreignOf(b);
  if (fa?.binop || fb?.binop) {
    const r = fa?.binop?.(op, a, b, false) ?? fb?.binop?.(op, a, b, false);
    if (r !== undefined) return r;
  }
  const r = nativeCompare(op, a, b);
  if (r !== undefined) return r;
  if (op === "==") return a === b;
  if (op === "!=") return a !== b;
  return orderError(op, a, b);
}

/** One side's comparison method: `x.__op__(y)`, NotImplemented when it has none. */
export function compareSlot(op: string, x: PyValue, y: PyValue): PyValue {
  const cls = userClass(x);
  if (!cls) {
    const f = foreignOf(x);
    if (f) return (f.binop?.(op, x, y, false) ?? NotImplemented) as PyValue;
    return nativeCompare(op, x, y) ?? NotImplemented;
  }
  const name = COMPARE_DUNDER[op];
  const attr = cls.lookup(name);
  if (attr === undefined || attr === null) return NotImplemented;
  if (attr instanceof PyMethodDescriptor && attr.owner !== objectClass) return nativeCompare(op, x, y) ?? NotImplemented;
  if (attr instanceof PyMethodDescriptor) {
    // object's defaults: == is identity, != inverts __eq__, ordering is NotImplemented
    if (op === "==") return x === y ? true : NotImplemented;
    if (op === "!=") {
      const eq = compareSlot("==", x, y);
      return eq === NotImplemented ? eq : !truthy(eq);
    }
    return NotImplemented;
  }
  return callAttr(attr, x, cls, [y]);
}

function richCompare(op: string, a: PyValue, b: PyValue): PyValue {
  const ta = classOf(a);
  const tb = classOf(b);
  const reflected = REFLECTED[op];
  let reversedDone = false;
  if (ta !== tb && tb.isSubclassOf(ta)) {
    const r = compareSlot(reflected, b, a);
    if (r !== NotImplemented) return r;
    reversedDone = true;
  }
  const r = compareSlot(op, a, b);
  if (r !== NotImplemented) return r;
  if (!reversedDone) {
    const r2 = compareSlot(reflected, b, a);
    if (r2 !== NotImplemented) return r2;
  }
  if (op === "==") return a === b;
  if (op === "!=") return a !== b;
  return orderError(op, a, b);
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
  const cls = userClass(container);
  if (cls) {
    const c = override(cls, "__contains__");
    if (c !== undefined && c !== null) return truthy(callAttr(c, container, cls, [item]));
    if (override(cls, "__iter__") !== undefined || override(cls, "__getitem__") !== undefined) {
      let it: PyValue;
      try {
        it = pyIter(container);
      } catch (e) {
        // PySequence_Contains reports any TypeError of iter() as not iterable
        if (e instanceof PyError && e.exc.cls.name === "TypeError")
          throw pyErr("TypeError", `argument of type '${typeName(container)}' is not iterable`);
        throw e;
      }
      for (const x of iterate(it)) if (x === item || pyEquals(x, item)) return true;
      return false;
    }
  }
  return nativeContains(container, item);
}

/** `item in container` for builtin containers (list.__contains__ and friends) */
export function nativeContains(container: PyValue, item: PyValue): boolean {
  if (typeof container === "string") return contains(container, item);
  if (container instanceof PyDict) return container.table.has(item);
  if (container instanceof PySet) return container.table.has(item);
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
  if (container instanceof PyIterator) {
    for (const x of iterate(container)) if (x === item || truthy(compare("==", x, item))) return true;
    return false;
  }
  throw pyErr("TypeError", `argument of type '${typeName(container)}' is not iterable`);
}
