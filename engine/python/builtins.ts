// The builtins of the subset: print, range, len, zip, enumerate, list, tuple, dict, float,
// int, str, bool, abs, min, max, sum, round, isinstance, type, sorted... with CPython's errors.
import { argsByName, bindArgs, positionalArgs } from "./args.ts";
import { roundFloat } from "./roundfloat.ts";
import { asSsize, checkParsedDigits } from "./limits.ts";
import { callWith, host } from "./host.ts";
import { dictUpdate, sortValues } from "./methods.ts";
import { objectBuiltins } from "./objbuiltins.ts";
import {
  asIndex,
  binaryOp,
  collect,
  compare,
  formatValue,
  getItem,
  holding,
  isInt,
  iterate,
  pyLen,
  rangeItems,
  toBig,
  toNum,
  truthy,
} from "./ops.ts";
import { pyRepr, pyStr } from "./repr.ts";
import { NO_METHOD, trySpecial, userClass } from "./dunder.ts";
import {
  EMPTY_KWARGS,
  type CallArgs,
  Ellipsis,
  NotImplemented,
  PyBuiltin,
  PyClass,
  PyDict,
  PyIterator,
  PyList,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  type PyValue,
  boolClass,
  dictClass,
  enumerateClass,
  exceptionClasses,
  floatClass,
  foreignOf,
  intClass,
  iteratorClass,
  listClass,
  objectClass,
  pyErr,
  rangeClass,
  setClass,
  sliceClass,
  strClass,
  tupleClass,
  typeClass,
  typeName,
  zipClass,
} from "./values.ts";

export interface BuiltinHost {
  /** print() output */
  write(text: string): void;
}

const oneArg = positionalArgs;

const reversedClasses = new Map<string, PyClass>();
function reversedClass(name: string): PyClass {
  let c = reversedClasses.get(name);
  if (!c) reversedClasses.set(name, (c = new PyClass(name, objectClass)));
  return c;
}

export function toInt(v: PyValue, base?: bigint): bigint {
  if (isInt(v)) return toBig(v);
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw pyErr("ValueError", "cannot convert float NaN to integer");
    if (!Number.isFinite(v)) throw pyErr("OverflowError", "cannot convert float infinity to integer");
    return BigInt(Math.trunc(v));
  }
  if (typeof v === "string") {
    const b = Number(base ?? 10n);
    const t = v.trim().replace(/_/g, "");
    if (b !== 0 && (b < 2 || b > 36)) throw pyErr("ValueError", "int() base must be >= 2 and <= 36, or 0");
    const m = /^([-+]?)(0[xob])?([0-9a-z]+)$/i.exec(t);
    const prefix = m?.[2]?.toLowerCase();
    const radix = b === 0 ? (prefix === "0x" ? 16 : prefix === "0o" ? 8 : prefix === "0b" ? 2 : 10) : b;
    const prefixOk = !prefix || prefix === { 16: "0x", 8: "0o", 2: "0b" }[radix];
    let n = 0n;
    let ok = !!m && prefixOk && !(b === 0 && !prefix && /^0+[1-9]/.test(m[3]));
    const digits = m ? (prefixOk ? m[3] : (m[2] ?? "") + m[3]) : "";
    if (ok) checkParsedDigits(digits.length, radix);
    for (const ch of digits.toLowerCase()) {
      const d = parseInt(ch, 36);
      if (!(d < radix)) ok = false;
      n = n * BigInt(radix) + BigInt(Number.isNaN(d) ? 0 : d);
    }
    if (!ok) throw pyErr("ValueError", `invalid literal for int() with base ${b}: ${pyRepr(v)}`);
    return m![1] === "-" ? -n : n;
  }
  const cls = userClass(v);
  if (cls) {
    for (const name of ["__int__", "__index__", "__trunc__"]) {
      const r = trySpecial(cls, v, name);
      if (r === NO_METHOD) continue;
      if (!isInt(r)) throw pyErr("TypeError", `${name} returned non-int (type ${typeName(r)})`);
      return toBig(r);
    }
  }
  const f = foreignOf(v);
  if (f?.toInt) return f.toInt(v);
  throw pyErr("TypeError", `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
}

export function toFloat(v: PyValue): number {
  if (typeof v === "number") return v;
  if (isInt(v)) return toNum(v);
  if (typeof v === "string") {
    const t = v.trim().replace(/_/g, "").toLowerCase();
    if (/^[-+]?(inf|infinity)$/.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
    if (/^[-+]?nan$/.test(t)) return NaN;
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(t)) return Number(t);
    throw pyErr("ValueError", `could not convert string to float: ${pyRepr(v)}`);
  }
  const cls = userClass(v);
  if (cls) {
    const r = trySpecial(cls, v, "__float__");
    if (r !== NO_METHOD) {
      if (typeof r !== "number") throw pyErr("TypeError", `${cls.name}.__float__ returned non-float (type ${typeName(r)})`);
      return r;
    }
    const i = asIndex(v);
    if (i !== undefined) return toNum(i);
  }
  const f = foreignOf(v);
  if (f?.toFloat) return f.toFloat(v);
  throw pyErr("TypeError", `float() argument must be a string or a real number, not '${typeName(v)}'`);
}

/** round(x) / round(x, n) with Python's round-half-even on the exact binary value. */
export function pyRound(x: PyValue, nd: PyValue): PyValue {
  if (isInt(x)) {
    if (nd === null) return toBig(x);
    const n = toBig(nd as bigint);
    if (n >= 0n) return toBig(x);
    const p = 10n ** -n;
    const v = toBig(x);
    const q = v / p;
    const r = v - q * p;
    let res = q;
    if (2n * (r < 0n ? -r : r) > p || (2n * (r < 0n ? -r : r) === p && q % 2n !== 0n)) res += v < 0n ? -1n : 1n;
    return res * p;
  }
  if (typeof x !== "number") {
    const cls = userClass(x);
    if (cls) {
      const r = trySpecial(cls, x, "__round__", nd === null ? [] : [nd]);
      if (r !== NO_METHOD) return r;
    }
    const f = foreignOf(x);
    const r = f?.unop?.("round", x);
    if (r !== undefined && nd === null) return r;
    throw pyErr("TypeError", `type ${typeName(x)} doesn't define __round__ method`);
  }
  if (nd === null) {
    if (Number.isNaN(x)) throw pyErr("ValueError", "cannot convert float NaN to integer");
    if (!Number.isFinite(x)) throw pyErr("OverflowError", "cannot convert float infinity to integer");
    let r = Math.round(x);
    if (Math.abs(x % 1) === 0.5) r = 2 * Math.round(x / 2);
    return BigInt(r);
  }
  const n = Number(toInt(nd));
  if (!Number.isFinite(x) || n > 330) return x;
  if (n < -330) return x < 0 || Object.is(x, -0) ? -0 : 0;
  return roundFloat(x, n);
}

function minmax(name: "min" | "max", a: CallArgs): PyValue {
  for (const k of a.kwargs.keys())
    if (k !== "key" && k !== "default") throw pyErr("TypeError", `${name}() got an unexpected keyword argument '${k}'`);
  const key = a.kwargs.get("key") ?? null;
  const dflt = a.kwargs.get("default");
  if (a.args.length === 0) throw pyErr("TypeError", `${name} expected at least 1 argument, got 0`);
  const items = a.args.length === 1 ? collect(a.args[0]) : a.args;
  if (items.length === 0) {
    if (dflt !== undefined) return dflt;
    throw pyErr("ValueError", `${name}() iterable argument is empty`);
  }
  const op = name === "min" ? "<" : ">";
  let best = items[0];
  let bestKey = key === null ? best : callWith(key, best);
  for (const v of items.slice(1)) {
    const k = key === null ? v : callWith(key, v);
    if (truthy(compare(op, k, bestKey))) {
      best = v;
      bestKey = k;
    }
  }
  return best;
}

function zip(a: CallArgs): PyValue {
  const { strict } = argsByName("zip", { args: [], kwargs: a.kwargs }, [{ name: "strict", default: false }]);
  const its = a.args.map((v) => iterate(v));
  let done = false;
  return new PyIterator(zipClass, () => {
    if (done || its.length === 0) return undefined;
    const row: PyValue[] = [];
    for (const it of its) {
      const r = it.next();
      if (r.done) {
        done = true;
        if (truthy(strict as PyValue) && row.length > 0)
          throw pyErr("ValueError", `zip() argument ${row.length + 1} is shorter than argument 1`);
        return undefined;
      }
      row.push(r.value);
    }
    return new PyTuple(row);
  });
}

function b(name: string, fn: (a: CallArgs) => PyValue): PyBuiltin {
  return new PyBuiltin(name, fn);
}

let builtinsCache: Map<string, PyValue> | null = null;
let currentHost: BuiltinHost = { write: () => undefined };

/** The builtins namespace; print writes through the host of the current run. */
export function builtins(h: BuiltinHost): Map<string, PyValue> {
  currentHost = h;
  if (builtinsCache) return builtinsCache;
  const m = new Map<string, PyValue>();

  intClass.construct = (a) => {
    const { values } = bindArgs("int", a, [{ name: "x", default: 0n }, { name: "base" }].map((s, i) => (i === 1 ? { ...s, default: null } : s)));
    return toInt(values[0] as PyValue, values[1] === null ? undefined : toBig(values[1] as bigint));
  };
  floatClass.construct = (a) => (a.args.length === 0 ? 0 : toFloat(oneArg("float", a, 0, 1)[0]));
  strClass.construct = (a) => (a.args.length === 0 ? "" : pyStr(oneArg("str", a, 1, 1)[0]));
  boolClass.construct = (a) => (a.args.length === 0 ? false : truthy(oneArg("bool", a, 1, 1)[0]));
  // a range's length is known first, as CPython's length_hint preallocates: list(range(10**10))
  // is a MemoryError at once, not a loop until the time budget
  const items = (v: PyValue): PyValue[] => (v instanceof PyRange ? rangeItems(v) : collect(v));
  listClass.construct = (a) => new PyList(a.args.length ? items(oneArg("list", a, 0, 1)[0]) : []);
  tupleClass.construct = (a) => new PyTuple(a.args.length ? items(oneArg("tuple", a, 0, 1)[0]) : []);
  setClass.construct = (a) => {
    const s = new PySet();
    if (a.args.length) {
      const src = oneArg("set", a, 0, 1)[0];
      if (src instanceof PySet) s.table.merge(src.table);
      else holding(s, () => {
        for (const v of iterate(src)) s.table.add(v);
      });
    }
    return s;
  };
  dictClass.construct = (a) => {
    const d = new PyDict();
    dictUpdate(d, a);
    return d;
  };
  rangeClass.construct = (a) => {
    const args = oneArg("range", a, 1, 3).map((v) => {
      const i = asIndex(v);
      if (i === undefined) throw pyErr("TypeError", `'${typeName(v)}' object cannot be interpreted as an integer`);
      return i;
    });
    const [start, stop, step] = args.length === 1 ? [0n, args[0], 1n] : [args[0], args[1], args[2] ?? 1n];
    if (step === 0n) throw pyErr("ValueError", "range() arg 3 must not be zero");
    return new PyRange(start, stop, step);
  };
  sliceClass.construct = (a) => {
    const args = oneArg("slice", a, 1, 3);
    return args.length === 1 ? new PySlice(null, args[0], null) : new PySlice(args[0], args[1], args[2] ?? null);
  };

  for (const c of [intClass, floatClass, strClass, boolClass, listClass, tupleClass, dictClass, setClass, rangeClass, typeClass, sliceClass, objectClass])
    m.set(c.name, c);
  for (const [name, c] of exceptionClasses) m.set(name, c);

  m.set(
    "print",
    b("print", (a) => {
      const { sep, end } = argsByName("print", { args: [], kwargs: new Map([...a.kwargs].filter(([k]) => k !== "file" && k !== "flush")) }, [
        { name: "sep", default: null },
        { name: "end", default: null },
      ]);
      if (sep !== null && typeof sep !== "string") throw pyErr("TypeError", `sep must be None or a string, not ${typeName(sep as PyValue)}`);
      if (end !== null && typeof end !== "string") throw pyErr("TypeError", `end must be None or a string, not ${typeName(end as PyValue)}`);
      const text = a.args.map(pyStr).join((sep as string | null) ?? " ") + ((end as string | null) ?? "\n");
      currentHost.write(text);
      return null;
    }),
  );
  m.set(
    "len",
    b("len", (a) => {
      const v = oneArg("len", a)[0];
      return v instanceof PyRange ? asSsize(v.length) : BigInt(pyLen(v));
    }),
  );
  m.set("repr", b("repr", (a) => pyRepr(oneArg("repr", a)[0])));
  m.set("abs", b("abs", (a) => {
    const v = oneArg("abs", a)[0];
    if (isInt(v)) return toBig(v) < 0n ? -toBig(v) : toBig(v);
    if (typeof v === "number") return Math.abs(v);
    const cls = userClass(v);
    if (cls) {
      const r = trySpecial(cls, v, "__abs__");
      if (r !== NO_METHOD) return r;
    }
    const f = foreignOf(v);
    const r = f?.unop?.("abs", v);
    if (r !== undefined) return r;
    throw pyErr("TypeError", `bad operand type for abs(): '${typeName(v)}'`);
  }));
  m.set("min", b("min", (a) => minmax("min", a)));
  m.set("max", b("max", (a) => minmax("max", a)));
  m.set("sum", b("sum", (a) => {
    const { values } = bindArgs("sum", a, [{ name: "iterable" }, { name: "start", default: 0n }]);
    const start = values[1] as PyValue;
    if (typeof start === "string") throw pyErr("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
    return pySum(iterate(values[0] as PyValue), start);
  }));
  m.set("round", b("round", (a) => {
    const { values } = bindArgs("round", a, [{ name: "number" }, { name: "ndigits", default: null }]);
    return pyRound(values[0] as PyValue, values[1] as PyValue);
  }));
  m.set("zip", b("zip", zip));
  m.set("enumerate", b("enumerate", (a) => {
    const { values } = bindArgs("enumerate", a, [{ name: "iterable" }, { name: "start", default: 0n }]);
    const it = iterate(values[0] as PyValue);
    let i = toInt(values[1] as PyValue);
    return new PyIterator(enumerateClass, () => {
      const r = it.next();
      if (r.done) return undefined;
      return new PyTuple([i++, r.value]);
    });
  }));
  m.set("sorted", b("sorted", (a) => {
    if (a.args.length !== 1) throw pyErr("TypeError", `sorted expected 1 argument, got ${a.args.length}`);
    const { key, reverse } = argsByName("sorted", { args: [], kwargs: a.kwargs }, [
      { name: "key", default: null },
      { name: "reverse", default: false },
    ]);
    return new PyList(sortValues(collect(a.args[0]), key as PyValue, truthy(reverse as PyValue)));
  }));
  m.set("reversed", b("reversed", (a) => {
    const v = oneArg("reversed", a)[0];
    const cls = userClass(v);
    if (cls) {
      // __reversed__, else the sequence protocol (__len__ and __getitem__)
      const r = trySpecial(cls, v, "__reversed__");
      if (r !== NO_METHOD) return r;
    }
    if (!(v instanceof PyList || v instanceof PyTuple || v instanceof PyRange || typeof v === "string" || v instanceof PyDict || (cls && cls.lookup("__getitem__") !== undefined && cls.lookup("__len__") !== undefined)))
      throw pyErr("TypeError", `'${typeName(v)}' object is not reversible`);
    const n = pyLen(v);
    let i = n;
    if (v instanceof PyDict) {
      const keys = collect(v);
      return new PyIterator(reversedClass("dict_reversekeyiterator"), () => (i > 0 ? keys[--i] : undefined));
    }
    return new PyIterator(reversedClass(v instanceof PyList ? "list_reverseiterator" : v instanceof PyRange ? "range_iterator" : "reversed"), () => (i > 0 ? getItem(v, BigInt(--i)) : undefined));
  }));
  m.set("map", b("map", (a) => {
    const [f, ...rest] = a.args;
    const its = rest.map((v) => iterate(v));
    return new PyIterator(iteratorClass, () => {
      const row: PyValue[] = [];
      for (const it of its) {
        const r = it.next();
        if (r.done) return undefined;
        row.push(r.value);
      }
      return host.call(f, { args: row, kwargs: EMPTY_KWARGS });
    });
  }));
  m.set("filter", b("filter", (a) => {
    const [f, src] = oneArg("filter", a, 2, 2);
    const it = iterate(src);
    return new PyIterator(iteratorClass, () => {
      for (let r = it.next(); !r.done; r = it.next()) if (truthy(f === null ? r.value : callWith(f, r.value))) return r.value;
      return undefined;
    });
  }));
  m.set("any", b("any", (a) => {
    for (const v of iterate(oneArg("any", a)[0])) if (truthy(v)) return true;
    return false;
  }));
  m.set("all", b("all", (a) => {
    for (const v of iterate(oneArg("all", a)[0])) if (!truthy(v)) return false;
    return true;
  }));
  m.set("divmod", b("divmod", (a) => {
    const [x, y] = oneArg("divmod", a, 2, 2);
    return binaryOp("divmod", x, y);
  }));
  m.set("pow", b("pow", (a) => {
    const [x, y, mod] = oneArg("pow", a, 2, 3);
    const r = binaryOp("**", x, y);
    return mod === undefined || mod === null ? r : binaryOp("%", r, mod);
  }));
  for (const [name, base, prefix] of [["hex", 16, "0x"], ["oct", 8, "0o"], ["bin", 2, "0b"]] as const)
    m.set(name, b(name, (a) => {
      const v = oneArg(name, a)[0];
      const n = asIndex(v);
      if (n === undefined) throw pyErr("TypeError", `'${typeName(v)}' object cannot be interpreted as an integer`);
      return (n < 0n ? "-" : "") + prefix + (n < 0n ? -n : n).toString(base);
    }));
  m.set(
    "chr",
    b("chr", (a) => {
      const v = oneArg("chr", a)[0];
      const i = asIndex(v);
      if (i === undefined) throw pyErr("TypeError", `'${typeName(v)}' object cannot be interpreted as an integer`);
      if (i < 0n || i > 0x10ffffn) throw pyErr("ValueError", "chr() arg not in range(0x110000)");
      return String.fromCodePoint(Number(i));
    }),
  );
  m.set("ord", b("ord", (a) => {
    const s = oneArg("ord", a)[0];
    if (typeof s !== "string" || [...s].length !== 1)
      throw pyErr("TypeError", `ord() expected a character, but string of length ${typeof s === "string" ? s.length : 0} found`);
    return BigInt(s.codePointAt(0)!);
  }));
  m.set("format", b("format", (a) => {
    const [v, spec] = oneArg("format", a, 1, 2);
    return formatValue(v, (spec as string | undefined) ?? "");
  }));
  objectBuiltins(m);
  m.set("eval", b("eval", (a) => host.evalString(a)));
  for (const name of ["input", "open", "exec", "compile", "globals", "locals", "__import__", "breakpoint", "exit", "quit", "help", "memoryview", "bytearray", "bytes", "complex", "frozenset"]) {
    if (m.has(name)) continue;
    m.set(name, b(name, () => {
      throw pyErr("NotImplementedError", `${name}() is outside the Python subset Gradlens runs`);
    }));
  }
  m.set("Ellipsis", Ellipsis);
  m.set("NotImplemented", NotImplemented);
  m.set("__name__", "__main__");
  builtinsCache = m;
  return m;
}

const C_LONG = 2n ** 63n;

/**
 * CPython 3.13's sum(): ints add exactly; once the running total is a float, floats are added with
 * Neumaier's compensation (so sum([0.1, 0.2, 0.3]) is 0.6) and ints that fit a C long are added as
 * doubles; anything else ends the float run (its compensation added in) and is added with +.
 */
function pySum(items: Iterator<PyValue>, start: PyValue): PyValue {
  let acc = start;
  let next = items.next();
  while (!next.done && (typeof acc === "bigint" || typeof acc === "boolean") && (typeof next.value === "bigint" || typeof next.value === "boolean")) {
    acc = binaryOp("+", acc, next.value);
    next = items.next();
  }
  if (!next.done && (typeof acc === "bigint" || typeof acc === "boolean")) {
    acc = binaryOp("+", acc, next.value);
    next = items.next();
  }
  if (typeof acc === "number") {
    let f = acc;
    let c = 0;
    for (; !next.done; next = items.next()) {
      const x = next.value;
      if (typeof x === "number") {
        const t = f + x;
        c += Math.abs(f) >= Math.abs(x) ? f - t + x : x - t + f;
        f = t;
      } else if ((typeof x === "bigint" && x < C_LONG && x >= -C_LONG) || typeof x === "boolean") {
        f += Number(x);
      } else break;
    }
    acc = c !== 0 && Number.isFinite(c) ? f + c : f;
  }
  for (; !next.done; next = items.next()) acc = binaryOp("+", acc, next.value);
  return acc;
}
