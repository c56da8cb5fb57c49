// `import itertools`: CPython 3.13's iterator building blocks (count, cycle, repeat, accumulate,
// batched, chain, compress, dropwhile, filterfalse, groupby, islice, pairwise, starmap,
// takewhile, tee, zip_longest, product, permutations, combinations,
// combinations_with_replacement), lazy as CPython's C module is: each is a class whose
// instances are iterators (`<itertools.chain object at 0x...>`), taking iter() of its arguments
// when CPython does and raising CPython's messages.
import { bindArgs, type ParamSpec } from "../args.ts";
import { callWith } from "../host.ts";
import { asIndex, binaryOp, compare, isInt, pyIter, pyNext, toBig, truthy } from "../ops.ts";
import { pyRepr } from "../repr.ts";
import { type CallArgs, PyBuiltin, PyClass, PyIterator, PyModule, PyTuple, type PyValue, objectClass, pyErr, typeName } from "../values.ts";

type Step = () => PyValue | undefined;

/** an itertools class: calling it binds `spec` (null: positional arguments, keywords checked by
 *  `make`) and builds the iterator's step */
function iterClass(name: string, spec: ParamSpec[] | null | "keywords", make: (v: PyValue[], a: CallArgs, cls: PyClass) => Step | PyIterator): PyClass {
  const cls: PyClass = new PyClass(
    name,
    objectClass,
    (a) => {
      let values: PyValue[];
      if (spec && spec !== "keywords") {
        const bound = bindArgs(name, a, spec);
        values = bound.values as PyValue[];
      } else {
        if (a.kwargs.size && spec !== "keywords") throw pyErr("TypeError", `${name}() takes no keyword arguments`);
        values = a.args;
      }
      const made = make(values, a, cls);
      return made instanceof PyIterator ? made : new PyIterator(cls, made);
    },
    "itertools",
  );
  return cls;
}

/** the items of an iterator, read lazily (None-free: undefined when exhausted) */
const nextOf = (it: PyValue): Step => () => pyNext(it);

function nonNegative(v: PyValue, what: string): number {
  const n = asIndex(v);
  if (n === undefined) throw pyErr("TypeError", `'${typeName(v)}' object cannot be interpreted as an integer`);
  if (n < 0n) throw pyErr("ValueError", `${what} must be non-negative`);
  return Number(n);
}

const tuple = (items: PyValue[]): PyTuple => new PyTuple(items);

function count(): PyClass {
  return iterClass("count", [{ name: "start", default: 0n }, { name: "step", default: 1n }], ([start, step], _a, cls) => {
    for (const v of [start, step]) if (typeof v !== "number" && !isInt(v)) throw pyErr("TypeError", "a number is required");
    let current = start;
    const it = new PyIterator(cls, () => {
      const out = current;
      current = binaryOp("+", current, step);
      return out;
    });
    it.reprText = () => (isInt(step) && toBig(step) === 1n ? `count(${pyRepr(current)})` : `count(${pyRepr(current)}, ${pyRepr(step)})`);
    return it;
  });
}

function repeat(): PyClass {
  return iterClass("repeat", [{ name: "object" }, { name: "times", default: null }], ([obj, times], _a, cls) => {
    let left = times === null ? Infinity : Math.max(0, Number(asIndexOrFail(times)));
    const it = new PyIterator(cls, () => (left-- > 0 ? obj : undefined));
    it.reprText = () => (times === null ? `repeat(${pyRepr(obj)})` : `repeat(${pyRepr(obj)}, ${Math.max(0, left)})`);
    return it;
  });
}

function asIndexOrFail(v: PyValue): bigint {
  const n = asIndex(v);
  if (n === undefined) throw pyErr("TypeError", `'${typeName(v)}' object cannot be interpreted as an integer`);
  return n;
}

function cycle(): PyClass {
  return iterClass("cycle", null, (args) => {
    if (args.length !== 1) throw pyErr("TypeError", `cycle expected 1 argument, got ${args.length}`);
    const it = pyIter(args[0]);
    const saved: PyValue[] = [];
    let first = true;
    let i = 0;
    return () => {
      if (first) {
        const v = pyNext(it);
        if (v !== undefined) {
          saved.push(v);
          return v;
        }
        first = false;
      }
      if (saved.length === 0) return undefined;
      const v = saved[i];
      i = (i + 1) % saved.length;
      return v;
    };
  });
}

function accumulate(): PyClass {
  return iterClass("accumulate", [{ name: "iterable" }, { name: "func", default: null }, { name: "initial", default: null, kwOnly: true }], ([src, func, initial]) => {
    const it = pyIter(src);
    let total: PyValue | undefined = initial === null ? undefined : initial;
    let started = false;
    return () => {
      if (!started && total !== undefined) {
        started = true;
        return total;
      }
      started = true;
      const v = pyNext(it);
      if (v === undefined) return undefined;
      total = total === undefined ? v : func === null ? binaryOp("+", total, v) : callWith(func, total, v);
      return total;
    };
  });
}

function batched(): PyClass {
  return iterClass("batched", [{ name: "iterable" }, { name: "n" }, { name: "strict", default: false, kwOnly: true }], ([src, nv, strict]) => {
    const n = asIndexOrFail(nv);
    if (n < 1n) throw pyErr("ValueError", "n must be at least one");
    const it = pyIter(src);
    let done = false;
    return () => {
      if (done) return undefined;
      const batch: PyValue[] = [];
      while (batch.length < n) {
        const v = pyNext(it);
        if (v === undefined) {
          done = true;
          break;
        }
        batch.push(v);
      }
      if (batch.length === 0) return undefined;
      if (done && truthy(strict) && batch.length < n) throw pyErr("ValueError", "batched(): incomplete batch");
      return tuple(batch);
    };
  });
}

function chainFrom(sources: Step): Step {
  let current: PyValue | undefined;
  return () => {
    for (;;) {
      if (current === undefined) {
        const src = sources();
        if (src === undefined) return undefined;
        current = pyIter(src);
      }
      const v = pyNext(current);
      if (v !== undefined) return v;
      current = undefined;
    }
  };
}

function chain(): PyClass {
  const cls = iterClass("chain", null, (args) => {
    let i = 0;
    return chainFrom(() => (i < args.length ? args[i++] : undefined));
  });
  cls.attrs.set(
    "from_iterable",
    new PyBuiltin("from_iterable", (a) => {
      if (a.args.length !== 1) throw pyErr("TypeError", `chain.from_iterable() takes exactly one argument (${a.args.length} given)`);
      return new PyIterator(cls, chainFrom(nextOf(pyIter(a.args[0]))));
    }),
  );
  return cls;
}

/** the classes of two arguments, a predicate (compress: data) and an iterable */
function whileClass(name: string, body: (pred: PyValue, it: PyValue) => Step): PyClass {
  return iterClass(name, null, (args) => {
    if (args.length !== 2) throw pyErr("TypeError", `${name} expected 2 arguments, got ${args.length}`);
    return body(name === "compress" ? pyIter(args[0]) : args[0], pyIter(args[1]));
  });
}

function groupby(): PyClass {
  const grouperCls = new PyClass("_grouper", objectClass, undefined, "itertools");
  return iterClass("groupby", [{ name: "iterable" }, { name: "key", default: null }], ([src, keyfunc], _a, cls) => {
    const it = pyIter(src);
    let tgtkey: PyValue | undefined;
    let currkey: PyValue | undefined;
    let currvalue: PyValue | undefined;
    let current: object | null = null;
    const step = (): boolean => {
      const v = pyNext(it);
      if (v === undefined) return false;
      currvalue = v;
      currkey = keyfunc === null ? v : callWith(keyfunc, v);
      return true;
    };
    return new PyIterator(cls, () => {
      current = null;
      for (;;) {
        if (currkey === undefined) {
          // nothing read yet
        } else if (tgtkey === undefined || !truthy(compare("==", tgtkey, currkey))) break;
        if (!step()) return undefined;
      }
      tgtkey = currkey;
      const mine = {};
      current = mine;
      const key = tgtkey!;
      const group = new PyIterator(grouperCls, () => {
        if (current !== mine) return undefined;
        if (currvalue === undefined) {
          if (!step()) return undefined;
        }
        if (!truthy(compare("==", key, currkey!))) return undefined;
        const v = currvalue;
        currvalue = undefined;
        return v;
      });
      return tuple([key, group]);
    });
  });
}

function islice(): PyClass {
  const cls = iterClass("islice", null, (args) => {
    if (args.length < 2 || args.length > 4)
      throw pyErr("TypeError", args.length < 2 ? `islice expected at least 2 arguments, got ${args.length}` : `islice expected at most 4 arguments, got ${args.length}`);
    const bound = (v: PyValue, msg: string): number | null => {
      if (v === null) return null;
      const n = isInt(v) ? toBig(v) : asIndex(v);
      if (n === undefined || n < 0n) throw pyErr("ValueError", msg);
      return Number(n);
    };
    let start = 0;
    let stop: number | null;
    let step = 1;
    if (args.length === 2) stop = bound(args[1], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    else {
      const indices = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
      start = bound(args[1], indices) ?? 0;
      stop = bound(args[2], indices);
      if (args.length === 4) {
        const s = args[3] === null ? 1 : bound(args[3], "Step for islice() must be a positive integer or None.");
        if (s === 0 || s === null) throw pyErr("ValueError", "Step for islice() must be a positive integer or None.");
        step = s;
      }
    }
    const it = pyIter(args[0]);
    let next = start;
    let pos = 0;
    let done = false;
    return () => {
      if (done) return undefined;
      if (stop !== null && next >= stop) {
        done = true;
        return undefined;
      }
      while (pos < next) {
        if (pyNext(it) === undefined) {
          done = true;
          return undefined;
        }
        pos++;
      }
      const v = pyNext(it);
      if (v === undefined) {
        done = true;
        return undefined;
      }
      pos++;
      next += step;
      return v;
    };
  });
  return cls;
}

function pairwise(): PyClass {
  return iterClass("pairwise", null, (args) => {
    if (args.length !== 1) throw pyErr("TypeError", `pairwise expected 1 argument, got ${args.length}`);
    const it = pyIter(args[0]);
    let last: PyValue | undefined;
    return () => {
      if (last === undefined) {
        last = pyNext(it);
        if (last === undefined) return undefined;
      }
      const v = pyNext(it);
      if (v === undefined) return undefined;
      const pair = tuple([last, v]);
      last = v;
      return pair;
    };
  });
}

function starmap(): PyClass {
  return iterClass("starmap", null, (args) => {
    if (args.length !== 2) throw pyErr("TypeError", `starmap expected 2 arguments, got ${args.length}`);
    const [f, src] = args;
    const it = pyIter(src);
    return () => {
      const v = pyNext(it);
      if (v === undefined) return undefined;
      const items: PyValue[] = [];
      const inner = pyIter(v);
      for (let x = pyNext(inner); x !== undefined; x = pyNext(inner)) items.push(x);
      return callWith(f, ...items);
    };
  });
}

function tee(): PyValue {
  const teeCls = new PyClass("_tee", objectClass, undefined, "itertools");
  return new PyBuiltin("tee", (a) => {
    if (a.kwargs.size) throw pyErr("TypeError", "tee() takes no keyword arguments");
    if (a.args.length < 1 || a.args.length > 2) throw pyErr("TypeError", `tee expected at ${a.args.length < 1 ? "least 1 argument" : "most 2 arguments"}, got ${a.args.length}`);
    const n = a.args.length === 2 ? nonNegative(a.args[1], "n") : 2;
    const it = pyIter(a.args[0]);
    const buffer: PyValue[] = [];
    let base = 0;
    const positions = new Array<number>(n).fill(0);
    const out: PyValue[] = [];
    for (let k = 0; k < n; k++)
      out.push(
        new PyIterator(teeCls, () => {
          const i = positions[k];
          if (i - base >= buffer.length) {
            const v = pyNext(it);
            if (v === undefined) return undefined;
            buffer.push(v);
          }
          const v = buffer[i - base];
          positions[k]++;
          const low = Math.min(...positions);
          while (base < low) {
            buffer.shift();
            base++;
          }
          return v;
        }),
      );
    return tuple(out);
  });
}

function zipLongest(): PyClass {
  return iterClass("zip_longest", "keywords", (args, a) => {
    for (const k of a.kwargs.keys()) if (k !== "fillvalue") throw pyErr("TypeError", "zip_longest() got an unexpected keyword argument '" + k + "'");
    const fill = a.kwargs.get("fillvalue") ?? null;
    const its: (PyValue | null)[] = args.map((v) => pyIter(v));
    let active = its.length;
    return () => {
      if (active === 0) return undefined;
      const row: PyValue[] = [];
      for (let i = 0; i < its.length; i++) {
        const it = its[i];
        let v: PyValue | undefined = it === null ? undefined : pyNext(it);
        if (v === undefined) {
          if (it !== null) {
            its[i] = null;
            active--;
            if (active === 0) return undefined;
          }
          v = fill;
        }
        row.push(v);
      }
      return tuple(row);
    };
  });
}

function listOf(v: PyValue): PyValue[] {
  const it = pyIter(v);
  const out: PyValue[] = [];
  for (let x = pyNext(it); x !== undefined; x = pyNext(it)) out.push(x);
  return out;
}

/** a combinatoric iterator over index vectors: `first` the first indices (null: none), `advance`
 *  moves to the next (false: done) */
function indexIterator(pool: PyValue[], first: number[] | null, advance: (idx: number[]) => boolean): Step {
  let idx = first;
  return () => {
    if (idx === null) return undefined;
    const out = tuple(idx.map((i) => pool[i]));
    if (!advance(idx)) idx = null;
    return out;
  };
}

function product(): PyClass {
  return iterClass("product", "keywords", (args, a) => {
    for (const k of a.kwargs.keys()) if (k !== "repeat") throw pyErr("TypeError", `product() got an unexpected keyword argument '${k}'`);
    const rep = a.kwargs.has("repeat") ? Number(asIndexOrFail(a.kwargs.get("repeat")!)) : 1;
    if (rep < 0) throw pyErr("ValueError", "repeat argument cannot be negative");
    const base = args.map(listOf);
    const pools: PyValue[][] = [];
    for (let r = 0; r < rep; r++) pools.push(...base);
    let idx: number[] | null = pools.some((p) => p.length === 0) ? null : pools.map(() => 0);
    return () => {
      if (idx === null) return undefined;
      const out = tuple(idx.map((i, k) => pools[k][i]));
      let k = pools.length - 1;
      for (; k >= 0; k--) {
        idx[k]++;
        if (idx[k] < pools[k].length) break;
        idx[k] = 0;
      }
      if (k < 0) idx = null;
      return out;
    };
  });
}

function rArg(v: PyValue | undefined, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  return nonNegative(v, "r");
}

function permutations(): PyClass {
  return iterClass("permutations", [{ name: "iterable" }, { name: "r", default: null }], ([src, rv]) => {
    const pool = listOf(src);
    const n = pool.length;
    const r = rArg(rv, n);
    if (r > n) return () => undefined;
    const indices = pool.map((_, i) => i);
    const cycles = Array.from({ length: r }, (_, i) => n - i);
    let first = true;
    let done = false;
    return () => {
      if (done) return undefined;
      if (first) {
        first = false;
        return tuple(indices.slice(0, r).map((i) => pool[i]));
      }
      for (let i = r - 1; i >= 0; i--) {
        cycles[i]--;
        if (cycles[i] === 0) {
          const moved = indices[i];
          indices.splice(i, 1);
          indices.push(moved);
          cycles[i] = n - i;
        } else {
          const j = cycles[i];
          [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
          return tuple(indices.slice(0, r).map((k) => pool[k]));
        }
      }
      done = true;
      return undefined;
    };
  });
}

function combinations(withReplacement: boolean): PyClass {
  const name = withReplacement ? "combinations_with_replacement" : "combinations";
  return iterClass(name, [{ name: "iterable" }, { name: "r" }], ([src, rv]) => {
    const pool = listOf(src);
    const n = pool.length;
    const r = rArg(rv, 0);
    if (withReplacement) {
      const first = n === 0 && r > 0 ? null : new Array<number>(r).fill(0);
      return indexIterator(pool, first, (idx) => {
        let i = r - 1;
        while (i >= 0 && idx[i] === n - 1) i--;
        if (i < 0) return false;
        idx.fill(idx[i] + 1, i);
        return true;
      });
    }
    const first = r > n ? null : Array.from({ length: r }, (_, i) => i);
    return indexIterator(pool, first, (idx) => {
      let i = r - 1;
      while (i >= 0 && idx[i] === i + n - r) i--;
      if (i < 0) return false;
      idx[i]++;
      for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
      return true;
    });
  });
}

export function itertoolsModule(): PyModule {
  const classes = [
    count(),
    cycle(),
    repeat(),
    accumulate(),
    batched(),
    chain(),
    whileClass("compress", (data, flags) => {
      return () => {
        for (;;) {
          const v = pyNext(data);
          const keep = pyNext(flags);
          if (v === undefined || keep === undefined) return undefined;
          if (truthy(keep)) return v;
        }
      };
    }),
    whileClass("dropwhile", (pred, it) => {
      let dropping = true;
      return () => {
        for (let v = pyNext(it); v !== undefined; v = pyNext(it)) {
          if (dropping && truthy(callWith(pred, v))) continue;
          dropping = false;
          return v;
        }
        return undefined;
      };
    }),
    whileClass("takewhile", (pred, it) => {
      let stopped = false;
      return () => {
        if (stopped) return undefined;
        const v = pyNext(it);
        if (v === undefined) return undefined;
        if (truthy(callWith(pred, v))) return v;
        stopped = true;
        return undefined;
      };
    }),
    whileClass("filterfalse", (pred, it) => () => {
      for (let v = pyNext(it); v !== undefined; v = pyNext(it)) if (!truthy(pred === null ? v : callWith(pred, v))) return v;
      return undefined;
    }),
    groupby(),
    islice(),
    pairwise(),
    starmap(),
    zipLongest(),
    product(),
    permutations(),
    combinations(false),
    combinations(true),
  ];
  const attrs = new Map<string, PyValue>(classes.map((c) => [c.name, c]));
  attrs.set("tee", tee());
  return new PyModule("itertools", attrs);
}
