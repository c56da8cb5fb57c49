// The tables behind dict and set, with Python's key semantics: a key is found by its hash and
// then by equality (`1`, `1.0` and `True` are one key; two equal tuples are one key; a user
// object's __hash__/__eq__ decide for it). dict keeps insertion order; set keeps CPython's own
// open-addressing table (setobject.c's probing, linear probes, resizes), so a set iterates and
// prints in the order CPython's does wherever the hashes are CPython's (ints, floats, tuples).
// Hashing and equality come from `keyHooks`, filled by hashing.ts (no import cycle).

import type { PyValue } from "./values.ts";
import { DICT_ENTRY_BYTES, SLOT_BYTES, budget } from "./budget.ts";

/** A Python value, as far as the tables are concerned. */
type Key = PyValue;

/** a hash in canonical form: a number when it is a safe integer, else a bigint */
type Hash = number | bigint;

export const keyHooks = {
  /** Python's hash() of a key, canonical (raises TypeError for unhashable ones) */
  hash: (_k: Key): Hash => {
    throw new Error("hashing.ts not loaded");
  },
  /** Python's `a == b` as a bool (identity is checked before this is called) */
  eq: (_a: Key, _b: Key): boolean => false,
};

/** The JS Map key of a primitive Python key: equal Python keys give the same JS value (ints
 *  as bigints, so 1, 1.0 and True meet; strings and None as themselves); OBJECT for the rest. */
function primitiveKey(k: Key): Key | typeof OBJECT {
  switch (typeof k) {
    case "string":
    case "bigint":
      return k;
    case "number":
      return Number.isInteger(k) ? BigInt(k) : k;
    case "boolean":
      return k ? 1n : 0n;
  }
  return k === null ? null : OBJECT;
}
const OBJECT: unique symbol = Symbol("object key");

/** dict's table: insertion order, values by key; an equal key keeps the first key object. */
export class DictTable<V> {
  /** JS key -> value, in insertion order */
  private readonly map = new Map<Key, V>();
  /** the Python key where it is not its JS key (True for 1n, 2.0 for 2n) */
  private originals: Map<Key, Key> | null = null;
  /** hash -> the key object (tuple, instance...) stored under it, or several when hashes collide */
  private buckets: Map<Hash, object | object[]> | null = null;
  /** bumped by every change (the memory view redraws a dict changed in place) */
  version = 0;

  get size(): number {
    return this.map.size;
  }

  /** the JS key of `k` in `map`: the key itself, or the equal key object already stored */
  private slot(k: Key): Key {
    const p = primitiveKey(k);
    if (p !== OBJECT) return p;
    const b = this.buckets?.get(keyHooks.hash(k));
    if (b === undefined) return k;
    if (!Array.isArray(b)) return b === k || keyHooks.eq(b as Key, k) ? (b as Key) : k;
    for (const c of b) if (c === k || keyHooks.eq(c as Key, k)) return c as Key;
    return k;
  }

  get(k: Key): V | undefined {
    return this.map.get(typeof k === "string" ? k : this.slot(k));
  }

  has(k: Key): boolean {
    return this.map.has(typeof k === "string" ? k : this.slot(k));
  }

  set(k: Key, v: V): void {
    const size = this.map.size;
    this.put(k, v);
    // after the change: a key's __eq__ may run the program's statements (and the memory view's
    // look at the dict) halfway through it
    this.version++;
    if (this.map.size !== size) budget.allocate(DICT_ENTRY_BYTES);
  }

  private put(k: Key, v: V): void {
    if (typeof k === "string") {
      this.map.set(k, v);
      return;
    }
    const p = primitiveKey(k);
    if (p !== OBJECT) {
      if (!this.map.has(p) && p !== k) (this.originals ??= new Map()).set(p, k);
      this.map.set(p, v);
      return;
    }
    const h = keyHooks.hash(k);
    this.buckets ??= new Map();
    const b = this.buckets.get(h);
    if (b === undefined) this.buckets.set(h, k as object);
    else {
      const list = Array.isArray(b) ? b : [b];
      for (const c of list)
        if (c === k || keyHooks.eq(c as Key, k)) {
          this.map.set(c as Key, v);
          return;
        }
      list.push(k as object);
      if (list !== b) this.buckets.set(h, list);
    }
    this.map.set(k, v);
  }

  delete(k: Key): boolean {
    const found = this.remove(k);
    this.version++;
    return found;
  }

  private remove(k: Key): boolean {
    if (typeof k === "string") return this.map.delete(k);
    const p = primitiveKey(k);
    if (p !== OBJECT) {
      this.originals?.delete(p);
      return this.map.delete(p);
    }
    const h = keyHooks.hash(k);
    const b = this.buckets?.get(h);
    if (b === undefined) return false;
    const list = Array.isArray(b) ? b : [b];
    const i = list.findIndex((c) => c === k || keyHooks.eq(c as Key, k));
    if (i < 0) return false;
    const [c] = list.splice(i, 1);
    if (list.length === 0) this.buckets!.delete(h);
    else if (list.length === 1) this.buckets!.set(h, list[0]);
    return this.map.delete(c as Key);
  }

  clear(): void {
    this.version++;
    this.map.clear();
    this.originals = null;
    this.buckets = null;
  }

  /** [key, value] in insertion order */
  *entries(): Generator<[Key, V]> {
    const originals = this.originals;
    for (const [k, v] of this.map) yield [originals?.get(k) ?? k, v];
  }

  /** the keys in insertion order (a snapshot) */
  keyList(): Key[] {
    const keys = [...this.map.keys()];
    const originals = this.originals;
    if (originals) for (let i = 0; i < keys.length; i++) keys[i] = originals.get(keys[i]) ?? keys[i];
    return keys;
  }

  /** the last (newest) entry, or undefined */
  last(): [Key, V] | undefined {
    let out: [Key, V] | undefined;
    for (const e of this.entries()) out = e;
    return out;
  }
}

// ---- set: CPython's table ----

const LINEAR_PROBES = 9;
const MINSIZE = 8;
/** a slot whose key was removed (CPython's dummy, hash -1) */
const DUMMY: unique symbol = Symbol("dummy");

/** the probe sequence of a 64-bit hash: start at hash & mask, then linear probes, then
 *  i = i*5 + 1 + perturb with perturb shifted right 5 bits each round (perturb in two halves) */
class Probe {
  i: number;
  private hi: number;
  private lo: number;
  constructor(h: Hash, mask: number) {
    if (typeof h === "number") {
      this.lo = h >>> 0;
      this.hi = Math.floor(h / 4294967296) >>> 0;
    } else {
      this.lo = Number(BigInt.asUintN(32, h));
      this.hi = Number(BigInt.asUintN(32, h >> 32n));
    }
    this.i = this.lo & mask;
  }
  next(mask: number): void {
    this.lo = ((this.lo >>> 5) | ((this.hi & 31) << 27)) >>> 0;
    this.hi = this.hi >>> 5;
    this.i = (this.i * 5 + 1 + this.lo) & mask;
  }
}

export class SetTable {
  private keys: (Key | typeof DUMMY | undefined)[] = new Array(MINSIZE);
  private hashes: Hash[] = new Array(MINSIZE);
  private mask = MINSIZE - 1;
  /** active + dummy slots */
  private fill = 0;
  /** active slots */
  private used = 0;
  /** where set.pop() looks first */
  private finger = 0;
  /** bumped by every change (the memory view redraws a set changed in place) */
  version = 0;

  get size(): number {
    return this.used;
  }

  /** the slot holding a key equal to `k` (hash `h`), or -1 */
  private find(k: Key, h: Hash): number {
    const mask = this.mask;
    const p = new Probe(h, mask);
    for (;;) {
      const probes = p.i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = p.i; j <= p.i + probes; j++) {
        const c = this.keys[j];
        if (c === undefined) return -1;
        if (c !== DUMMY && this.hashes[j] === h && (c === k || keyHooks.eq(c as Key, k))) return j;
      }
      p.next(mask);
    }
  }

  has(k: Key): boolean {
    return this.find(k, keyHooks.hash(k)) >= 0;
  }

  /** the stored key equal to `k`, or undefined */
  get(k: Key): Key | undefined {
    const i = this.find(k, keyHooks.hash(k));
    return i < 0 ? undefined : (this.keys[i] as Key);
  }

  add(k: Key, h: Hash = keyHooks.hash(k)): void {
    this.insert(k, h);
    // after the change, as DictTable.set
    this.version++;
  }

  private insert(k: Key, h: Hash): void {
    const mask = this.mask;
    const p = new Probe(h, mask);
    let freeslot = -1;
    for (;;) {
      const probes = p.i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = p.i; j <= p.i + probes; j++) {
        const c = this.keys[j];
        if (c === undefined) {
          if (freeslot >= 0) {
            this.keys[freeslot] = k;
            this.hashes[freeslot] = h;
            this.used++;
            return;
          }
          this.keys[j] = k;
          this.hashes[j] = h;
          this.fill++;
          this.used++;
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (c === DUMMY) freeslot = j;
        else if (this.hashes[j] === h && (c === k || keyHooks.eq(c as Key, k))) return;
      }
      p.next(mask);
    }
  }

  delete(k: Key): boolean {
    const i = this.find(k, keyHooks.hash(k));
    this.version++;
    if (i < 0) return false;
    this.keys[i] = DUMMY;
    this.hashes[i] = -1;
    this.used--;
    return true;
  }

  clear(): void {
    this.version++;
    this.keys = new Array(MINSIZE);
    this.hashes = new Array(MINSIZE);
    this.mask = MINSIZE - 1;
    this.fill = this.used = 0;
  }

  private resize(minused: number): void {
    let size = MINSIZE;
    while (size <= minused) size *= 2;
    // the memory budget counts a set by its two arrays, as its walk will
    budget.allocate(2 * SLOT_BYTES * size);
    const oldKeys = this.keys;
    const oldHashes = this.hashes;
    this.keys = new Array(size);
    this.hashes = new Array(size);
    this.mask = size - 1;
    this.fill = this.used;
    for (let j = 0; j < oldKeys.length; j++) {
      const c = oldKeys[j];
      if (c !== undefined && c !== DUMMY) this.insertClean(c, oldHashes[j]);
    }
  }

  /** a key known to be absent, into a table without dummies */
  private insertClean(k: Key, h: Hash): void {
    const mask = this.mask;
    const p = new Probe(h, mask);
    for (;;) {
      const probes = p.i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = p.i; j <= p.i + probes; j++) {
        if (this.keys[j] === undefined) {
          this.keys[j] = k;
          this.hashes[j] = h;
          return;
        }
      }
      p.next(mask);
    }
  }

  /** set.update(other set) as set_merge does it: one resize up front, then the other's slots
   *  in its table order */
  merge(other: SetTable): void {
    if (other === this || other.used === 0) return;
    this.version++;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      budget.allocate(2 * SLOT_BYTES * other.keys.length);
      this.keys = [...other.keys];
      this.hashes = [...other.hashes];
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = this.used = other.used;
      for (const [k, h] of other.slots()) this.insertClean(k, h);
      return;
    }
    for (const [k, h] of other.slots()) this.add(k, h);
  }

  /** [key, hash] in table order */
  *slots(): Generator<[Key, Hash]> {
    for (let j = 0; j <= this.mask; j++) {
      const c = this.keys[j];
      if (c !== undefined && c !== DUMMY) yield [c as Key, this.hashes[j]];
    }
  }

  /** keys in iteration order (a snapshot) */
  values(): Key[] {
    const out: Key[] = [];
    for (let j = 0; j <= this.mask; j++) {
      const c = this.keys[j];
      if (c !== undefined && c !== DUMMY) out.push(c as Key);
    }
    return out;
  }

  /** set.pop(): the next active slot from where the last pop stopped (CPython's finger) */
  pop(): Key | undefined {
    if (this.used === 0) return undefined;
    this.version++;
    let j = this.finger & this.mask;
    while (this.keys[j] === undefined || this.keys[j] === DUMMY) j = (j + 1) & this.mask;
    const c = this.keys[j];
    this.keys[j] = DUMMY;
    this.hashes[j] = -1;
    this.used--;
    this.finger = j + 1;
    return c as Key;
  }
}
