// Sequences and containers: iteration (CPython's iterator protocol, __iter__/__next__ and the
// old __getitem__ protocol included), len(), indexing and slicing, item assignment and deletion.
// Instances of user classes go through their special methods; user subclasses of list/dict/...
// that do not override one get the builtin behaviour.
import { builtinClassGetItem } from "./genericalias.ts";
import { NO_METHOD, callAttr, override, trySpecial, userClass } from "./dunder.ts";
import { asIndex, pushAll } from "./numbers.ts";
import { asSsize, checkIndexSize, refuseHopeless } from "./limits.ts";
import { budget } from "./ops.ts";
import { host } from "./host.ts";
import {
  PyClass,
  PyDict,
  PyError,
  PyIterator,
  PyList,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  type PyValue,
  foreignOf,
  iteratorClass,
  objectClass,
  pyErr,
  typeName,
  listChanged,
} from "./values.ts";

export function rangeItems(r: PyRange): PyValue[] {
  const n = r.length;
  refuseHopeless(n * 8n);
  if (n > 10_000_000n) throw pyErr("MemoryError", "range too large to materialize");
  const out: PyValue[] = [];
  for (let i = 0n; i < n; i++) out.push(r.start + i * r.step);
  return out;
}

/** r[i] and r[a:b:c] of a range, in exact integers (a slice of a range is a range) */
function rangeItem(r: PyRange, index: PyValue): PyValue {
  const n = r.length;
  if (index instanceof PySlice) {
    const [start, stop, step] = sliceIndicesBig(index, n);
    return new PyRange(r.start + start * r.step, r.start + stop * r.step, r.step * step);
  }
  const i = asIndex(index);
  if (i === undefined) throw pyErr("TypeError", `range indices must be integers or slices, not ${typeName(index)}`);
  const j = i < 0n ? i + n : i;
  if (j < 0n || j >= n) throw pyErr("IndexError", "range object index out of range");
  return r.start + j * r.step;
}

/** slice.indices(n) in exact integers */
function sliceIndicesBig(s: PySlice, n: bigint): [bigint, bigint, bigint] {
  const num = (v: PyValue): bigint | null => {
    if (v === null) return null;
    const i = asIndex(v);
    if (i === undefined) throw pyErr("TypeError", "slice indices must be integers or None or have an __index__ method");
    return i;
  };
  const step = num(s.step) ?? 1n;
  if (step === 0n) throw pyErr("ValueError", "slice step cannot be zero");
  const clamp = (v: bigint, lo: bigint, hi: bigint) => (v < lo ? lo : v > hi ? hi : v);
  let start = num(s.start);
  let stop = num(s.stop);
  if (step > 0n) {
    start = start === null ? 0n : clamp(start < 0n ? start + n : start, 0n, n);
    stop = stop === null ? n : clamp(stop < 0n ? stop + n : stop, 0n, n);
  } else {
    start = start === null ? n - 1n : clamp(start < 0n ? start + n : start, -1n, n - 1n);
    stop = stop === null ? -1n : clamp(stop < 0n ? stop + n : stop, -1n, n - 1n);
  }
  return [start, stop, step];
}

/** Iterate any Python iterable (lists live, like CPython's index-based list iterator). */
export function iterate(v: PyValue): Generator<PyValue, void, undefined> {
  const cls = userClass(v);
  if (cls && !(v instanceof PyIterator) && (override(cls, "__iter__") !== undefined || !isNativeIterable(v))) return iterateProtocol(v);
  return nativeIterate(v);
}

function* iterateProtocol(v: PyValue): Generator<PyValue, void, undefined> {
  const it = pyIter(v);
  for (let x = pyNext(it); x !== undefined; x = pyNext(it)) yield x;
}

/** iteration of builtin values (list.__iter__ and friends) */
export function* nativeIterate(v: PyValue): Generator<PyValue, void, undefined> {
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
    const size = v.table.size;
    for (const k of v.table.keyList()) {
      if (v.table.size !== size) throw pyErr("RuntimeError", "dictionary changed size during iteration");
      yield k;
    }
    if (v.table.size !== size) throw pyErr("RuntimeError", "dictionary changed size during iteration");
    return;
  }
  if (v instanceof PySet) {
    const size = v.table.size;
    for (const k of v.table.values()) {
      if (v.table.size !== size) throw pyErr("RuntimeError", "Set changed size during iteration");
      yield k;
    }
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
  const cls = userClass(v);
  if (cls) {
    const m = override(cls, "__len__");
    if (m !== undefined && m !== null) return checkedLen(callAttr(m, v, cls, []));
  }
  return nativeLen(v);
}

/** len() of builtin values (list.__len__ and friends) */
export function nativeLen(v: PyValue): number {
  if (typeof v === "string") return codePointLength(v);
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict || v instanceof PySet) return v.table.size;
  if (v instanceof PyRange) return Number(asSsize(v.length));
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
  checkIndexSize(i);
  const j = i < 0n ? i + BigInt(n) : i;
  if (j < 0n || j >= BigInt(n)) throw pyErr("IndexError", `${what} index out of range`);
  void v;
  return Number(j);
}

export function getItem(v: PyValue, index: PyValue): PyValue {
  const cls = userClass(v);
  if (cls) {
    const m = override(cls, "__getitem__");
    if (m !== undefined && m !== null) return callAttr(m, v, cls, [index]);
  }
  return nativeGetItem(v, index);
}

/** the builtin types' own getItem (list.__getitem__ and friends) */
export function nativeGetItem(v: PyValue, index: PyValue): PyValue {
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
    const e = v.table.get(index);
    if (e !== undefined) return e;
    if (v.sub) {
      // dict subclasses (defaultdict, Counter) answer a missing key through __missing__
      const r = trySpecial(v.sub, v, "__missing__", [index]);
      if (r !== NO_METHOD) return r;
    }
    throw keyError(index);
  }
  if (v instanceof PyRange) return rangeItem(v, index);
  const f = foreignOf(v);
  if (f?.getitem) return f.getitem(v, index);
  if (v instanceof PyClass) {
    const cg = v.user ? v.lookup("__class_getitem__") : undefined;
    if (cg !== undefined) return callAttr(cg, v, v, [index]);
    const alias = builtinClassGetItem(v, index);
    if (alias) return alias;
    throw pyErr("TypeError", `type '${v.name}' is not subscriptable`);
  }
  throw pyErr("TypeError", `'${typeName(v)}' object is not subscriptable`);
}

export function setItem(v: PyValue, index: PyValue, value: PyValue): void {
  const cls = userClass(v);
  if (cls) {
    const m = override(cls, "__setitem__");
    if (m !== undefined && m !== null) {
      callAttr(m, v, cls, [index, value]);
      return;
    }
  }
  nativeSetItem(v, index, value);
}

/** the builtin types' own setItem (list.__setitem__ and friends) */
export function nativeSetItem(v: PyValue, index: PyValue, value: PyValue): void {
  if (v instanceof PyList) {
    if (index instanceof PySlice) {
      listChanged(v);
      const [start, stop, step] = sliceIndices(index, v.items.length);
      const items = [...iterate(value)];
      if (step === 1) {
        // no splice(..., ...items): spreading ~100,000 arguments overflows the call stack
        const tail = v.items.slice(Math.max(start, stop));
        v.items.length = start;
        pushAll(v.items, items);
        for (const t of tail) v.items.push(t);
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
    // the same object put back (l[0] = l[0]) changes nothing the memory view shows
    if (v.items[Number(j)] !== value) listChanged(v);
    v.items[Number(j)] = value;
    return;
  }
  if (v instanceof PyDict) {
    v.table.set(index, value);
    host.itemChanged?.(v, index, value);
    return;
  }
  const f = foreignOf(v);
  if (f?.setitem) return f.setitem(v, index, value);
  throw pyErr("TypeError", `'${typeName(v)}' object does not support item assignment`);
}

export function delItem(v: PyValue, index: PyValue): void {
  const cls = userClass(v);
  if (cls) {
    const m = override(cls, "__delitem__");
    if (m !== undefined && m !== null) {
      callAttr(m, v, cls, [index]);
      return;
    }
  }
  nativeDelItem(v, index);
}

/** the builtin types' own delItem (list.__delitem__ and friends) */
export function nativeDelItem(v: PyValue, index: PyValue): void {
  if (v instanceof PyList) {
    listChanged(v);
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
    if (!v.table.delete(index)) throw keyError(index);
    host.itemChanged?.(v, index, undefined);
    return;
  }
  throw pyErr("TypeError", `'${typeName(v)}' object doesn't support item deletion`);
}


/** KeyError(key) */
export function keyError(key: PyValue): PyError {
  const err = pyErr("KeyError");
  err.exc.args.push(key);
  return err;
}

/** dict[key] = value; an equal key already present keeps its original object (d[1.0] keeps key 1) */
export function dictSet(d: PyDict, key: PyValue, value: PyValue): void {
  d.table.set(key, value);
}

function checkedLen(r: PyValue): number {
  const n = asIndex(r);
  if (n === undefined) throw pyErr("TypeError", `'${typeName(r)}' object cannot be interpreted as an integer`);
  if (n < 0n) throw pyErr("ValueError", "__len__() should return >= 0");
  if (n > 9223372036854775807n) throw pyErr("OverflowError", "cannot fit 'int' into an index-sized integer");
  return Number(n);
}

/** Is `v` an iterator (does its type have __next__)? */
export function isIterator(v: PyValue): boolean {
  if (v instanceof PyIterator) return true;
  const cls = userClass(v);
  return cls !== null && cls.lookup("__next__") !== undefined;
}

/** iter(v) */
export function pyIter(v: PyValue): PyValue {
  if (v instanceof PyIterator) return v;
  const cls = userClass(v);
  if (cls) {
    const it = override(cls, "__iter__");
    if (it === null) throw pyErr("TypeError", `'${typeName(v)}' object is not iterable`);
    if (it !== undefined) {
      const r = callAttr(it, v, cls, []);
      if (!isIterator(r)) throw pyErr("TypeError", `iter() returned non-iterator of type '${typeName(r)}'`);
      return r;
    }
    if (!isNativeIterable(v)) {
      const gi = override(cls, "__getitem__");
      if (gi !== undefined && gi !== null) return sequenceIterator(v);
      throw pyErr("TypeError", `'${typeName(v)}' object is not iterable`);
    }
  }
  const items = nativeIterate(v);
  return new PyIterator(iteratorClassOf(v), () => {
    const r = items.next();
    return r.done ? undefined : r.value;
  });
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

const iteratorClasses = new Map<string, PyClass>();
/** list_iterator, tuple_iterator, str_ascii_iterator... as CPython names iter()'s result */
function iteratorClassOf(v: PyValue): PyClass {
  const name =
    v instanceof PyList
      ? "list_iterator"
      : v instanceof PyTuple
        ? "tuple_iterator"
        : typeof v === "string"
          ? isAscii(v)
            ? "str_ascii_iterator"
            : "str_iterator"
          : v instanceof PyDict
            ? "dict_keyiterator"
            : v instanceof PySet
              ? "set_iterator"
              : v instanceof PyRange
                ? "range_iterator"
                : null;
  if (name === null) return iteratorClass;
  let cls = iteratorClasses.get(name);
  if (!cls) iteratorClasses.set(name, (cls = new PyClass(name, objectClass)));
  return cls;
}

function isNativeIterable(v: PyValue): boolean {
  return v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet;
}

/** The old protocol: v[0], v[1]... until IndexError (or StopIteration). */
function sequenceIterator(v: PyValue): PyIterator {
  let i = 0n;
  let done = false;
  return new PyIterator(iteratorClass, () => {
    if (done) return undefined;
    try {
      return getItem(v, i++);
    } catch (e) {
      if (e instanceof PyError && (e.exc.cls.name === "IndexError" || e.exc.cls.name === "StopIteration")) {
        done = true;
        return undefined;
      }
      throw e;
    }
  });
}

/** next(it): the next item, or undefined when it is exhausted (StopIteration). */
export function pyNext(it: PyValue): PyValue | undefined {
  if (it instanceof PyIterator) return it.next();
  const cls = userClass(it);
  const m = cls?.lookup("__next__");
  if (!cls || m === undefined || m === null) throw pyErr("TypeError", `'${typeName(it)}' object is not an iterator`);
  try {
    return callAttr(m, it, cls, []);
  } catch (e) {
    if (e instanceof PyError && e.exc.cls.isSubclassOf(stopIteration())) return undefined;
    throw e;
  }
}

let stopIterationClass: PyClass | null = null;
function stopIteration(): PyClass {
  return (stopIterationClass ??= pyErr("StopIteration").exc.cls);
}
