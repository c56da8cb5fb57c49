// `import random`: CPython 3.13's random module over the same Mersenne Twister, with CPython's
// seeding (init_by_array over the seed's 32-bit words; a str seed extended by its SHA-512; a float
// by its hash), its 53-bit floats, getrandbits and _randbelow_with_getrandbits, so
// `random.seed(42); random.shuffle(words)` puts words in CPython's order.
import { MT19937 } from "../../random/mt19937.ts";
import { libmLog } from "../../random/libm.ts";
import { bindArgs, type ParamSpec } from "../args.ts";
import { toFloat } from "../builtins.ts";
import { asIndex, getItem, iterate, pyLen } from "../ops.ts";
import {
  type CallArgs,
  PyBuiltin,
  PyClass,
  PyDict,
  PyInstance,
  PyList,
  PyModule,
  PySet,
  PyTuple,
  type PyValue,
  objectClass,
  pyErr,
  typeName,
  listChanged,
} from "../values.ts";
import { sha512 } from "./sha512.ts";

const TWO_POW_32 = 2 ** 32;
const NV_MAGICCONST = (4 * Math.exp(-0.5)) / Math.sqrt(2.0);

/** a fresh seed from the platform's randomness (random.seed(None)) */
function entropy(): bigint {
  const words = new Uint32Array(20);
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint32Array): Uint32Array } }).crypto;
  if (c) c.getRandomValues(words);
  else for (let i = 0; i < words.length; i++) words[i] = Math.floor(Math.random() * TWO_POW_32);
  return words.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
}

/** hash(x) of a float, as CPython computes it (reduction modulo 2**61 - 1), as size_t */
function floatHash(v: number): bigint {
  const MOD = (1n << 61n) - 1n;
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 0n : v > 0 ? 314159n : (1n << 64n) - 314159n;
  let e = v === 0 ? 0 : Math.floor(Math.log2(Math.abs(v))) + 1;
  let m = Math.abs(v) / 2 ** e;
  if (m >= 1) {
    m /= 2;
    e++;
  } else if (m < 0.5) {
    m *= 2;
    e--;
  }
  let x = 0n;
  while (m) {
    x = ((x << 28n) & MOD) | (x >> 33n);
    m *= 268435456;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= MOD) x -= MOD;
  }
  const ee = BigInt(e >= 0 ? e % 61 : 60 - ((-1 - e) % 61));
  x = ((x << ee) & MOD) | (x >> (61n - ee));
  let h = v < 0 ? -x : x;
  if (h === -1n) h = -2n;
  return h < 0n ? h + (1n << 64n) : h;
}

/** one Random instance: its twister and the spare normal gauss() keeps */
class RandomState {
  readonly mt = new MT19937();
  gaussNext: number | null = null;

  constructor() {
    this.seed(null);
  }

  seed(a: PyValue): void {
    let n: bigint;
    if (a === null) n = entropy();
    else if (typeof a === "string") {
      const bytes = new TextEncoder().encode(a);
      const all = new Uint8Array(bytes.length + 64);
      all.set(bytes);
      all.set(sha512(bytes), bytes.length);
      n = all.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
    } else if (typeof a === "bigint" || typeof a === "boolean") n = typeof a === "boolean" ? BigInt(a) : a < 0n ? -a : a;
    else if (typeof a === "number") n = floatHash(a);
    else throw pyErr("TypeError", "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.");
    const key: number[] = [];
    for (let r = n; r > 0n; r >>= 32n) key.push(Number(r & 0xffffffffn));
    if (key.length === 0) key.push(0);
    this.mt.seedByArray(key);
    this.gaussNext = null;
  }

  /** genrand_res53: (a * 2**26 + b) / 2**53 from two draws of 27 and 26 bits */
  random(): number {
    const a = this.mt.nextUint32() >>> 5;
    const b = this.mt.nextUint32() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  }

  getrandbits(k: number): bigint {
    if (k < 0) throw pyErr("ValueError", "number of bits must be non-negative");
    if (k === 0) return 0n;
    if (k <= 32) return BigInt(this.mt.nextUint32() >>> (32 - k));
    let r = 0n;
    for (let shift = 0n, left = k; left > 0; shift += 32n, left -= 32) {
      let w = this.mt.nextUint32();
      if (left < 32) w >>>= 32 - left;
      r |= BigInt(w) << shift;
    }
    return r;
  }

  /** _randbelow_with_getrandbits: draws of n.bit_length() bits until one is below n */
  randbelow(n: bigint): bigint {
    const k = n.toString(2).length;
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }
}

const index = (v: PyValue): bigint => {
  const i = asIndex(v);
  if (i === undefined) throw pyErr("TypeError", `'${typeName(v)}' object cannot be interpreted as an integer`);
  return i;
};

function randrange(s: RandomState, start: PyValue, stop: PyValue, step: PyValue | undefined): bigint {
  const istart = index(start);
  const text = (v: PyValue) => (typeof v === "bigint" ? v.toString() : String(v));
  if (stop === null) {
    if (step !== undefined) throw pyErr("TypeError", "Missing a non-None stop argument");
    if (istart > 0n) return s.randbelow(istart);
    throw pyErr("ValueError", "empty range for randrange()");
  }
  const istop = index(stop);
  const width = istop - istart;
  const istep = step === undefined ? 1n : index(step);
  if (istep === 1n) {
    if (width > 0n) return istart + s.randbelow(width);
    throw pyErr("ValueError", `empty range in randrange(${text(start)}, ${text(stop)})`);
  }
  let n: bigint;
  const floorDiv = (a: bigint, b: bigint) => {
    const q = a / b;
    return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
  };
  if (istep > 0n) n = floorDiv(width + istep - 1n, istep);
  else if (istep < 0n) n = floorDiv(width + istep + 1n, istep);
  else throw pyErr("ValueError", "zero step for randrange()");
  if (n <= 0n) throw pyErr("ValueError", `empty range in randrange(${text(start)}, ${text(stop)}, ${text(step!)})`);
  return istart + istep * s.randbelow(n);
}

/** a sequence's items, as sample() and choices() index them */
function sequenceItems(v: PyValue, what: string): PyValue[] {
  if (v instanceof PySet || v instanceof PyDict) throw pyErr("TypeError", `${what} must be a sequence.  For dicts or sets, use sorted(d).`);
  return [...iterate(v)];
}

/** bisect.bisect_right over numbers (cum_weights) */
function bisectRight(a: number[], x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** itertools.accumulate of Python numbers: ints stay exact, floats add in double */
function accumulate(values: PyValue[]): number[] {
  const out: number[] = [];
  let acc: bigint | number | null = null;
  for (const v of values) {
    if (typeof v !== "bigint" && typeof v !== "number" && typeof v !== "boolean")
      throw pyErr("TypeError", `unsupported operand type(s) for +: '${acc === null ? typeName(v) : typeof acc === "bigint" ? "int" : "float"}' and '${typeName(v)}'`);
    const x = typeof v === "boolean" ? BigInt(v) : v;
    acc = acc === null ? x : typeof acc === "bigint" && typeof x === "bigint" ? acc + x : Number(acc) + Number(x);
    out.push(Number(acc));
  }
  return out;
}

type Method = (s: RandomState, a: CallArgs) => PyValue;

function method(name: string, spec: ParamSpec[], fn: (s: RandomState, v: PyValue[]) => PyValue): [string, Method] {
  // bound to an instance of a Python class: CPython counts self in "takes 2 positional arguments"
  const withSelf: ParamSpec[] = [{ name: "self" }, ...spec];
  return [name, (s, a) => fn(s, (bindArgs(`Random.${name}`, { args: [null, ...a.args], kwargs: a.kwargs }, withSelf).values as PyValue[]).slice(1))];
}

const MISSING_STEP = Symbol("step");

const METHODS = new Map<string, Method>([
  method("seed", [{ name: "a", default: null }, { name: "version", default: 2n }], (s, [a]) => {
    s.seed(a);
    return null;
  }),
  method("random", [], (s) => s.random()),
  method("getrandbits", [{ name: "k" }], (s, [k]) => s.getrandbits(Number(index(k)))),
  method("randrange", [{ name: "start" }, { name: "stop", default: null }, { name: "step", default: MISSING_STEP as unknown as PyValue }], (s, [start, stop, step]) =>
    randrange(s, start, stop, step === (MISSING_STEP as unknown as PyValue) ? undefined : step),
  ),
  method("randint", [{ name: "a" }, { name: "b" }], (s, [a, b]) => randrange(s, a, index(b) + 1n, undefined)),
  method("choice", [{ name: "seq" }], (s, [seq]) => {
    const n = pyLen(seq);
    if (n === 0) throw pyErr("IndexError", "Cannot choose from an empty sequence");
    return getItem(seq, s.randbelow(BigInt(n)));
  }),
  method("shuffle", [{ name: "x" }], (s, [x]) => {
    if (!(x instanceof PyList)) throw pyErr("TypeError", `'${typeName(x)}' object does not support item assignment`);
    const items = x.items;
    for (let i = items.length - 1; i >= 1; i--) {
      const j = Number(s.randbelow(BigInt(i + 1)));
      [items[i], items[j]] = [items[j], items[i]];
    }
    listChanged(x);
    return null;
  }),
  method("sample", [{ name: "population" }, { name: "k" }, { name: "counts", default: null, kwOnly: true }], (s, [population, k, counts]) => {
    const pool0 = sequenceItems(population, "Population");
    if (counts !== null) {
      const cum = accumulate([...iterate(counts)]);
      if (cum.length !== pool0.length) throw pyErr("ValueError", "The number of counts does not match the population");
      const total = cum.pop() ?? 0;
      if (total < 0) throw pyErr("ValueError", "Counts must be non-negative");
      const picks = sample(s, Array.from({ length: total }, (_, i) => BigInt(i)), Number(index(k)));
      return new PyList(picks.map((p) => pool0[bisectRight(cum, Number(p), 0, cum.length)]));
    }
    return new PyList(sample(s, pool0, Number(index(k))));
  }),
  method("choices", [{ name: "population" }, { name: "weights", default: null }, { name: "cum_weights", default: null, kwOnly: true }, { name: "k", default: 1n, kwOnly: true }],
    (s, [population, weights, cumWeights, k]) => {
      const pool = sequenceItems(population, "Population");
      const n = pool.length;
      const count = Number(index(k));
      if (cumWeights === null) {
        if (weights === null) return new PyList(Array.from({ length: count }, () => pool[Math.floor(s.random() * n)]));
        if (typeof weights === "bigint") throw pyErr("TypeError", `The number of choices must be a keyword argument: k=${weights}`);
      } else if (weights !== null) throw pyErr("TypeError", "Cannot specify both weights and cumulative weights");
      const cum = cumWeights === null ? accumulate([...iterate(weights)]) : [...iterate(cumWeights)].map((v) => toFloat(v));
      if (cum.length !== n) throw pyErr("ValueError", "The number of weights does not match the population");
      const total = cum[cum.length - 1] + 0.0;
      if (total <= 0) throw pyErr("ValueError", "Total of weights must be greater than zero");
      if (!Number.isFinite(total)) throw pyErr("ValueError", "Total of weights must be finite");
      return new PyList(Array.from({ length: count }, () => pool[bisectRight(cum, s.random() * total, 0, n - 1)]));
    }),
  method("uniform", [{ name: "a" }, { name: "b" }], (s, [a, b]) => toFloat(a) + (toFloat(b) - toFloat(a)) * s.random()),
  method("triangular", [{ name: "low", default: 0 }, { name: "high", default: 1 }, { name: "mode", default: null }], (s, [low0, high0, mode]) => {
    let u = s.random();
    let [low, high] = [toFloat(low0), toFloat(high0)];
    if (high === low) return low0;
    let c = mode === null ? 0.5 : (toFloat(mode) - low) / (high - low);
    if (u > c) {
      u = 1 - u;
      c = 1 - c;
      [low, high] = [high, low];
    }
    return low + (high - low) * Math.sqrt(u * c);
  }),
  method("gauss", [{ name: "mu", default: 0 }, { name: "sigma", default: 1 }], (s, [mu, sigma]) => {
    let z = s.gaussNext;
    s.gaussNext = null;
    if (z === null) {
      const x2pi = s.random() * (2 * Math.PI);
      const g2rad = Math.sqrt(-2 * libmLog(1 - s.random()));
      z = Math.cos(x2pi) * g2rad;
      s.gaussNext = Math.sin(x2pi) * g2rad;
    }
    return toFloat(mu) + z * toFloat(sigma);
  }),
  method("normalvariate", [{ name: "mu", default: 0 }, { name: "sigma", default: 1 }], (s, [mu, sigma]) => {
    let z: number;
    for (;;) {
      const u1 = s.random();
      const u2 = 1 - s.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      if ((z * z) / 4 <= -libmLog(u2)) break;
    }
    return toFloat(mu) + z * toFloat(sigma);
  }),
  method("expovariate", [{ name: "lambd", default: 1 }], (s, [lambd]) => -libmLog(1 - s.random()) / toFloat(lambd)),
  method("getstate", [], (s) => {
    const { words, index: i } = s.mt.snapshot();
    return new PyTuple([3n, new PyTuple([...Array.from(words, (w) => BigInt(w)), BigInt(i)]), s.gaussNext]);
  }),
  method("setstate", [{ name: "state" }], (s, [state]) => {
    if (!(state instanceof PyTuple) || state.items.length !== 3 || state.items[0] !== 3n)
      throw pyErr("ValueError", `state with version ${state instanceof PyTuple ? String(state.items[0]) : "?"} passed to Random.setstate() of version 3`);
    const inner = state.items[1];
    if (!(inner instanceof PyTuple) || inner.items.length !== 625) throw pyErr("ValueError", "state vector is the wrong size");
    const words = inner.items.slice(0, 624).map((w) => Number(index(w) & 0xffffffffn));
    const i = Number(index(inner.items[624]));
    if (i < 0 || i > 624) throw pyErr("ValueError", "invalid state");
    s.mt.restore(words, i);
    const g = state.items[2];
    s.gaussNext = g === null ? null : toFloat(g);
    return null;
  }),
]);

/** Random.sample over a materialised population: a pool for small ones, a set of picks for big */
function sample(s: RandomState, pool: PyValue[], k: number): PyValue[] {
  const n = pool.length;
  if (!(k >= 0 && k <= n)) throw pyErr("ValueError", "Sample larger than population or is negative");
  const result = new Array<PyValue>(k).fill(null);
  let setsize = 21;
  if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
  if (n <= setsize) {
    const p = pool.slice();
    for (let i = 0; i < k; i++) {
      const j = Number(s.randbelow(BigInt(n - i)));
      result[i] = p[j];
      p[j] = p[n - i - 1];
    }
  } else {
    const selected = new Set<number>();
    for (let i = 0; i < k; i++) {
      let j = Number(s.randbelow(BigInt(n)));
      while (selected.has(j)) j = Number(s.randbelow(BigInt(n)));
      selected.add(j);
      result[i] = pool[j];
    }
  }
  return result;
}

const randomClass = new PyClass("Random", objectClass, undefined, "random");

function instance(state: RandomState): PyInstance {
  const inst = new PyInstance(randomClass, "<random.Random object at 0x0>");
  inst.dict = new PyDict();
  for (const [name, m] of METHODS) inst.dict.table.set(name, new PyBuiltin(name, (a) => m(state, a), inst));
  return inst;
}

/** the module: a hidden Random instance's bound methods, and the Random class itself */
export function randomModule(): PyModule {
  randomClass.construct = (a) => {
    const { values } = bindArgs("Random", a, [{ name: "x", default: null }]);
    const state = new RandomState();
    state.seed(values[0] as PyValue);
    return instance(state);
  };
  const shared = instance(new RandomState());
  const attrs = new Map<string, PyValue>([["Random", randomClass]]);
  for (const name of METHODS.keys()) attrs.set(name, shared.dict!.table.get(name)!);
  return new PyModule("random", attrs);
}
