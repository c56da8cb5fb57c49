// Methods of the builtin containers and numbers: list.append, dict.items, tuple.index,
// set.add, float.is_integer... as bound builtin methods, with CPython's errors; the names each
// type lists in dir() (for "Did you mean" suggestions).
import { argsByName } from "./args.ts";
import { callWith } from "./host.ts";
import { nativeBinary } from "./numbers.ts";
import { compare, contains, iterate, keyError, pyEquals, pushAll, truthy, toBig, isInt } from "./ops.ts";
import { pyRepr } from "./repr.ts";
import { SLOT_BYTES, budget } from "./budget.ts";
import { nameTable, type CallArgs, PyBuiltin, PyDict, PyList, PyRange, PySet, PyTuple, type PyValue, listChanged, pyErr } from "./values.ts";

export { callWith, host } from "./host.ts";

const noKw = (name: string, a: CallArgs): void => {
  if (a.kwargs.size) throw pyErr("TypeError", `${name}() takes no keyword arguments`);
};

export function method(self: PyValue, name: string, fn: (a: CallArgs) => PyValue): PyBuiltin {
  return new PyBuiltin(name, fn, self);
}

/** Python's stable sort with optional key and reverse. */
export function sortValues(items: PyValue[], key: PyValue, reverse: boolean): PyValue[] {
  const keyed = items.map((v) => ({ v, k: key === null ? v : callWith(key, v) }));
  const lt = (a: PyValue, b: PyValue): boolean => truthy(compare("<", a, b));
  keyed.sort((a, b) => (reverse ? (lt(b.k, a.k) ? -1 : lt(a.k, b.k) ? 1 : 0) : lt(a.k, b.k) ? -1 : lt(b.k, a.k) ? 1 : 0));
  return keyed.map((x) => x.v);
}

/** the list methods that change the list in place */
const LIST_CHANGES = new Set(["append", "extend", "pop", "insert", "remove", "reverse", "sort", "clear"]);

export function listMethod(self: PyList, name: string): PyValue | undefined {
  const m = (fn: (a: CallArgs) => PyValue): PyBuiltin =>
    method(
      self,
      name,
      LIST_CHANGES.has(name)
        ? (a) => {
            const r = fn(a);
            listChanged(self);
            return r;
          }
        : fn,
    );
  switch (name) {
    case "append":
      return m((a) => {
        noKw(name, a);
        if (a.args.length !== 1) throw pyErr("TypeError", `list.append() takes exactly one argument (${a.args.length} given)`);
        self.items.push(a.args[0]);
        budget.allocate(SLOT_BYTES);
        return null;
      });
    case "extend":
      return m((a) => {
        pushAll(self.items, iterate(a.args[0]));
        return null;
      });
    case "pop":
      return m((a) => {
        if (self.items.length === 0) throw pyErr("IndexError", "pop from empty list");
        let i = a.args.length ? Number(toBig(a.args[0] as bigint)) : self.items.length - 1;
        if (i < 0) i += self.items.length;
        if (i < 0 || i >= self.items.length) throw pyErr("IndexError", "pop index out of range");
        return self.items.splice(i, 1)[0];
      });
    case "insert":
      return m((a) => {
        let i = Number(toBig(a.args[0] as bigint));
        if (i < 0) i = Math.max(0, i + self.items.length);
        self.items.splice(Math.min(i, self.items.length), 0, a.args[1]);
        budget.allocate(SLOT_BYTES);
        return null;
      });
    case "remove":
      return m((a) => {
        const i = self.items.findIndex((x) => pyEquals(x, a.args[0]));
        if (i < 0) throw pyErr("ValueError", "list.remove(x): x not in list");
        self.items.splice(i, 1);
        return null;
      });
    case "index":
      return m((a) => {
        const i = self.items.findIndex((x) => pyEquals(x, a.args[0]));
        if (i < 0) throw pyErr("ValueError", `${pyRepr(a.args[0])} is not in list`);
        return BigInt(i);
      });
    case "count":
      return m((a) => BigInt(self.items.filter((x) => pyEquals(x, a.args[0])).length));
    case "reverse":
      return m(() => {
        self.items.reverse();
        return null;
      });
    case "sort":
      return m((a) => {
        if (a.args.length) throw pyErr("TypeError", "sort() takes no positional arguments");
        const { key, reverse } = argsByName("sort", a, [
          { name: "key", default: null },
          { name: "reverse", default: false },
        ]);
        self.items = sortValues(self.items, key as PyValue, truthy(reverse as PyValue));
        return null;
      });
    case "copy":
      return m(() => new PyList([...self.items]));
    case "clear":
      return m(() => {
        self.items = [];
        return null;
      });
  }
  return undefined;
}

export function dictMethod(self: PyDict, name: string): PyValue | undefined {
  const m = (fn: (a: CallArgs) => PyValue): PyBuiltin => method(self, name, fn);
  switch (name) {
    case "keys":
      return m(() => new PyList([...self.table.entries()].map((e) => e[0])));
    case "values":
      return m(() => new PyList([...self.table.entries()].map((e) => e[1])));
    case "items":
      return m(() => new PyList([...self.table.entries()].map((e) => new PyTuple([e[0], e[1]]))));
    case "get":
      return m((a) => {
        const e = self.table.get(a.args[0]);
        return e !== undefined ? e : a.args.length > 1 ? a.args[1] : null;
      });
    case "pop":
      return m((a) => {
        const e = self.table.get(a.args[0]);
        if (e === undefined) {
          if (a.args.length > 1) return a.args[1];
          throw keyError(a.args[0]);
        }
        self.table.delete(a.args[0]);
        return e;
      });
    case "popitem":
      return m(() => {
        const e = self.table.last();
        if (!e) throw pyErr("KeyError", "popitem(): dictionary is empty");
        self.table.delete(e[0]);
        return new PyTuple([e[0], e[1]]);
      });
    case "setdefault":
      return m((a) => {
        const e = self.table.get(a.args[0]);
        if (e !== undefined) return e;
        const v = a.args[1] ?? null;
        self.table.set(a.args[0], v);
        return v;
      });
    case "update":
      return m((a) => {
        dictUpdate(self, a);
        return null;
      });
    case "copy":
      return m(() => {
        const d = new PyDict();
        for (const [k, v] of self.table.entries()) d.table.set(k, v);
        return d;
      });
    case "clear":
      return m(() => {
        self.table.clear();
        return null;
      });
  }
  return undefined;
}


/** dict.update(other, **kwargs) and dict(other, **kwargs): a mapping or an iterable of pairs */
export function dictUpdate(self: PyDict, a: CallArgs): void {
  if (a.args.length > 1) throw pyErr("TypeError", `update expected at most 1 argument, got ${a.args.length}`);
  const src = a.args[0];
  if (src instanceof PyDict) for (const [k, v] of src.table.entries()) self.table.set(k, v);
  else if (src !== undefined) {
    let i = 0;
    for (const pair of iterate(src)) {
      const kv = [...iterate(pair)];
      if (kv.length !== 2)
        throw pyErr("ValueError", `dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
      self.table.set(kv[0], kv[1]);
      i++;
    }
  }
  for (const [k, v] of a.kwargs) self.table.set(k, v);
}

export function tupleMethod(self: PyTuple, name: string): PyValue | undefined {
  if (name === "count") return method(self, name, (a) => BigInt(self.items.filter((x) => pyEquals(x, a.args[0])).length));
  if (name === "index")
    return method(self, name, (a) => {
      const i = self.items.findIndex((x) => pyEquals(x, a.args[0]));
      if (i < 0) throw pyErr("ValueError", "tuple.index(x): x not in tuple");
      return BigInt(i);
    });
  return undefined;
}

/** range.index and range.count, computed rather than searched: range(10**30).index(5) */
export function rangeMethod(self: PyRange, name: string): PyValue | undefined {
  if (name !== "index" && name !== "count") return undefined;
  return method(self, name, (a) => {
    if (a.args.length !== 1 || a.kwargs.size) throw pyErr("TypeError", `range.${name}() takes exactly one argument (${a.args.length} given)`);
    const x = a.args[0];
    const inside = contains(self, x);
    if (name === "count") return inside ? 1n : 0n;
    if (!inside) throw pyErr("ValueError", `${pyRepr(x)} is not in range`);
    return (toBig(isInt(x) ? x : BigInt(x as number)) - self.start) / self.step;
  });
}

export function setMethod(self: PySet, name: string): PyValue | undefined {
  const m = (fn: (a: CallArgs) => PyValue): PyBuiltin => method(self, name, fn);
  const others = (a: CallArgs): PySet[] =>
    a.args.map((o) => {
      if (o instanceof PySet) return o;
      const s = new PySet();
      for (const v of iterate(o)) s.table.add(v);
      return s;
    });
  switch (name) {
    case "add":
      return m((a) => {
        self.table.add(a.args[0]);
        return null;
      });
    case "discard":
      return m((a) => {
        self.table.delete(a.args[0]);
        return null;
      });
    case "remove":
      return m((a) => {
        if (!self.table.delete(a.args[0])) throw keyError(a.args[0]);
        return null;
      });
    case "pop":
      return m(() => {
        if (self.table.size === 0) throw pyErr("KeyError", "pop from an empty set");
        return self.table.pop() as PyValue;
      });
    case "clear":
      return m(() => {
        self.table.clear();
        return null;
      });
    case "copy":
      return m(() => {
        const s = new PySet();
        s.table.merge(self.table);
        return s;
      });
    case "update":
      return m((a) => {
        for (const o of others(a)) self.table.merge(o.table);
        return null;
      });
    case "union":
      return m((a) => {
        const s = new PySet();
        s.table.merge(self.table);
        for (const o of others(a)) s.table.merge(o.table);
        return s;
      });
    case "intersection":
    case "difference":
    case "symmetric_difference":
      return m((a) => {
        const op = name === "intersection" ? "&" : name === "difference" ? "-" : "^";
        let acc: PyValue = self;
        for (const o of others(a)) acc = setBinary(op, acc as PySet, o);
        if (acc === self) {
          const s = new PySet();
          s.table.merge(self.table);
          return s;
        }
        return acc;
      });
    case "issubset":
      return m((a) => others(a)[0] !== undefined && self.table.values().every((k) => others(a)[0].table.has(k)));
    case "issuperset":
      return m((a) => others(a)[0].table.values().every((k) => self.table.has(k)));
    case "isdisjoint":
      return m((a) => !others(a)[0].table.values().some((k) => self.table.has(k)));
  }
  return undefined;
}

function setBinary(op: string, a: PySet, b: PySet): PySet {
  return nativeBinary(op, a, b) as PySet;
}

export function numberMethod(self: PyValue, name: string): PyValue | undefined {
  if (typeof self === "number") {
    if (name === "is_integer") return method(self, name, () => Number.isInteger(self));
    if (name === "real") return self;
    if (name === "imag") return 0;
    if (name === "conjugate") return method(self, name, () => self);
    if (name === "hex") return undefined;
    return undefined;
  }
  if (isInt(self)) {
    const n = toBig(self);
    if (name === "real" || name === "numerator") return n;
    if (name === "imag") return 0n;
    if (name === "denominator") return 1n;
    if (name === "conjugate") return method(self, name, () => n);
    if (name === "bit_length") return method(self, name, () => BigInt(n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length));
    if (name === "bit_count") return method(self, name, () => BigInt([...(n < 0n ? -n : n).toString(2)].filter((c) => c === "1").length));
    if (name === "is_integer") return method(self, name, () => true);
  }
  return undefined;
}

/** dir() of each builtin type without its dunders, as CPython 3.13 lists them */
export const TYPE_METHODS: Record<string, string[]> = nameTable({
  list: ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"],
  dict: ["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"],
  tuple: ["count", "index"],
  set: ["add", "clear", "copy", "difference", "difference_update", "discard", "intersection", "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove", "symmetric_difference", "symmetric_difference_update", "union", "update"],
  int: ["as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag", "is_integer", "numerator", "real", "to_bytes"],
  float: ["as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real"],
});
