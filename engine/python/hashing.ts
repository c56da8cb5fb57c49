// hash() as CPython 3.13 computes it where that is deterministic: ints and floats modulo the
// Mersenne prime 2**61 - 1, tuples by the xxHash-style combination of their items' hashes, None's
// constant, objects by identity; __hash__ of user classes (None: unhashable). Strings get a fixed
// hash of our own (CPython randomizes them per process). Also id() and the addresses in reprs.
import { callAttr, userClass } from "./dunder.ts";
import { keyHooks } from "./hashtable.ts";
import { PyMethodDescriptor } from "./descriptors.ts";
import { isInt, toBig } from "./numbers.ts";
import { pyEquals } from "./compare.ts";
import { PyDict, PyList, PyObj, PySet, PyTuple, type PyValue, objectClass, pyErr, typeName } from "./values.ts";

const MODULUS = (1n << 61n) - 1n;

/** hash(n) for an int: n mod (2**61 - 1) keeping the sign; -1 becomes -2 */
export function intHash(n: bigint): bigint {
  if (n >= 0n && n < MODULUS) return n;
  const h = n < 0n ? -(-n % MODULUS) : n % MODULUS;
  return h === -1n ? -2n : h;
}

/** hash(x) for a float: the hash of the rational number it is exactly */
export function floatHash(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (!Number.isFinite(x)) return x > 0 ? 314159n : -314159n;
  if (Number.isInteger(x)) return intHash(BigInt(x));
  // x = m * 2**e exactly, with m an odd integer below 2**53
  let e = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  // 2**-k is 2**(61 - k mod 61) modulo 2**61 - 1
  const shift = BigInt(((e % 61) + 61) % 61);
  let h = (BigInt(m) % MODULUS) * (1n << shift) % MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** A hash in its canonical form: a JS number when it is a safe integer, else a bigint (so two
 *  equal hashes are always === and can key a Map). */
export type Hash = number | bigint;

function canonical(h: bigint): Hash {
  return h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h;
}

// CPython's tuple hash in 64-bit unsigned arithmetic on two 32-bit halves (no bigint per item)
const P1_HI = 0x9e3779b1;
const P1_LO = 0x85ebca87;
const P2_HI = 0xc2b2ae3d;
const P2_LO = 0x27d4eb4f;
const P5_HI = 0x27d4eb2f;
const P5_LO = 0x165667c5;
let rHi = 0;
let rLo = 0;

/** (aHi:aLo * bHi:bLo) mod 2**64 into rHi:rLo, with 16-bit limbs so every product is exact */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const a0 = aLo & 0xffff, a1 = aLo >>> 16, a2 = aHi & 0xffff, a3 = aHi >>> 16;
  const b0 = bLo & 0xffff, b1 = bLo >>> 16, b2 = bHi & 0xffff, b3 = bHi >>> 16;
  const c0 = a0 * b0;
  let c1 = (c0 >>> 16) + a1 * b0;
  let c2 = c1 >>> 16;
  c1 = (c1 & 0xffff) + a0 * b1;
  c2 += c1 >>> 16;
  c2 += a2 * b0;
  let c3 = c2 >>> 16;
  c2 = (c2 & 0xffff) + a1 * b1;
  c3 += c2 >>> 16;
  c2 = (c2 & 0xffff) + a0 * b2;
  c3 += c2 >>> 16;
  c3 += a3 * b0 + a2 * b1 + a1 * b2 + a0 * b3;
  rLo = ((c1 & 0xffff) << 16 | (c0 & 0xffff)) >>> 0;
  rHi = ((c3 & 0xffff) << 16 | (c2 & 0xffff)) >>> 0;
}

/** a tuple's hash, kept on it when its items are values whose hash cannot change (numbers,
 *  strings, None, tuples of those): dict keys are hashed again on every lookup */
function cachedTupleHash(t: PyTuple): Hash {
  if (t.hashCache !== undefined) return t.hashCache;
  const h = tupleHash(t.items);
  if (t.items.every((x) => x === null || typeof x !== "object" || (x instanceof PyTuple && x.hashCache !== undefined))) t.hashCache = h;
  return h;
}

function tupleHash(items: PyValue[]): Hash {
  let hi = P5_HI;
  let lo = P5_LO;
  for (const item of items) {
    const h = hashOf(item);
    const laneLo = typeof h === "number" ? h >>> 0 : Number(BigInt.asUintN(32, h));
    const laneHi = typeof h === "number" ? Math.floor(h / 4294967296) >>> 0 : Number(BigInt.asUintN(32, h >> 32n));
    // acc += lane * P2
    mul64(laneHi, laneLo, P2_HI, P2_LO);
    const sLo = lo + rLo;
    lo = sLo >>> 0;
    hi = (hi + rHi + (sLo > 0xffffffff ? 1 : 0)) >>> 0;
    // acc = rotl(acc, 31)
    const nHi = ((hi << 31) | (lo >>> 1)) >>> 0;
    lo = ((lo << 31) | (hi >>> 1)) >>> 0;
    hi = nHi;
    // acc *= P1
    mul64(hi, lo, P1_HI, P1_LO);
    hi = rHi;
    lo = rLo;
  }
  // acc += len ^ (P5 ^ 3527539)
  const addLo = (items.length ^ (P5_LO ^ 3527539)) >>> 0;
  const sLo = lo + addLo;
  lo = sLo >>> 0;
  hi = (hi + P5_HI + (sLo > 0xffffffff ? 1 : 0)) >>> 0;
  if (hi === 0xffffffff && lo === 0xffffffff) return 1546275796;
  // as a signed 64-bit number: a JS number while it is a safe integer
  const signedHi = hi >= 0x80000000 ? hi - 4294967296 : hi;
  if (signedHi >= -0x200000 && signedHi < 0x200000) return signedHi * 4294967296 + lo;
  return (BigInt(signedHi) << 32n) | BigInt(lo);
}

/** a fixed 53-bit hash of the text (CPython's own string hash is randomized per process) */
function strHash(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const h = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return h === 0 ? 1 : h;
}

// ---- identity ----

const foreignIds = new WeakMap<object, number>();
let nextId = 0;
/** a plausible address, distinct per object, 16-byte aligned like CPython's */
const ADDRESS_BASE = 0x7f3a10000000;

/** id(v), the number repr shows as `at 0x...` */
export function objectId(v: PyValue): number {
  if (v instanceof PyObj) return v.pyId ?? (v.pyId = ADDRESS_BASE + 16 * nextId++);
  if (v !== null && typeof v === "object") {
    let id = foreignIds.get(v);
    if (id === undefined) {
      id = ADDRESS_BASE + 16 * nextId++;
      foreignIds.set(v, id);
    }
    return id;
  }
  // ints, floats, strings and the constants: a stable address derived from the value
  const key = Math.abs(Number(BigInt(hashOf(v)) % 0x1000000n));
  return 0x7f3a00000000 + (key ^ (typeof v === "string" ? 0x5a5a5 : 0)) * 16;
}

/** " at 0x7f3a10000010" as reprs print it */
export function addressOf(v: PyValue): string {
  return `0x${objectId(v).toString(16)}`;
}

// ---- hash() ----

/** hash(v) in canonical form (what dict and set tables key by) */
export function hashOf(v: PyValue): Hash {
  switch (typeof v) {
    case "bigint":
      return v >= -9007199254740991n && v <= 9007199254740991n && v !== -1n ? Number(v) : canonical(intHash(v));
    case "boolean":
      return v ? 1 : 0;
    case "number":
      if (Number.isSafeInteger(v)) return v === -1 ? -2 : v === 0 ? 0 : v;
      return canonical(floatHash(v));
    case "string":
      return strHash(v);
  }
  if (v === null) return 4238894112;
  const cls = userClass(v);
  if (cls) {
    const h = cls.lookup("__hash__");
    if (h === null) throw pyErr("TypeError", `unhashable type: '${typeName(v)}'`);
    if (h !== undefined && !(h instanceof PyMethodDescriptor && h.owner === objectClass)) {
      if (h instanceof PyMethodDescriptor) return nativeHash(v);
      const r = callAttr(h, v, cls, []);
      if (!isInt(r)) throw pyErr("TypeError", "__hash__ method should return an integer");
      // a result that fits 64 bits is the hash as it is (-1 excepted); a bigger int is hashed
      const n = toBig(r);
      if (n === -1n) return -2;
      return n >= -(1n << 63n) && n < 1n << 63n ? canonical(n) : hashOf(n);
    }
    return objectId(v) / 16;
  }
  return nativeHash(v);
}

/** hash() as Python returns it */
export function pyHash(v: PyValue): bigint {
  return BigInt(hashOf(v));
}

/** hash() by the builtin types' own rules (tuple.__hash__, object.__hash__...) */
export function nativeHash(v: PyValue): Hash {
  if (typeof v !== "object" || v === null) return hashOf(v);
  if (v instanceof PyTuple) return cachedTupleHash(v);
  if (v instanceof PyList || v instanceof PyDict || v instanceof PySet)
    throw pyErr("TypeError", `unhashable type: '${typeName(v)}'`);
  if (v instanceof PyObj && v.cls.lookup("__hash__") === null) throw pyErr("TypeError", `unhashable type: '${typeName(v)}'`);
  return objectId(v) / 16;
}

keyHooks.hash = hashOf;
keyHooks.eq = pyEquals;
