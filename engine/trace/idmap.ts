// IdMap: a map from non-negative integer ids to values that copies in O(1) and shares structure
// with its copies (a 32-way radix trie, as Clojure's persistent vector). The fold's states keep
// their tensors, storages and grad_fn nodes in these, so the cursor can keep a state per
// checkpoint (and hand out a new state per step) without copying every entry: a copy costs
// nothing, and each later write copies only the few trie nodes on its path. A map writes in place
// into the nodes it made itself since its last copy (the "transient" trick), so folding many
// events into one private state allocates little. Iteration is in ascending id order.

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

interface TrieNode<V> {
  /** the map (generation) allowed to write this node in place */
  owner: object;
  slots: (TrieNode<V> | V | undefined)[];
}

export class IdMap<V> implements ReadonlyMap<number, V> {
  private root: TrieNode<V> | null = null;
  /** bits below the root's own slot index: 0 when the root holds values */
  private shift = 0;
  private count = 0;
  private owner: object = {};

  get size(): number {
    return this.count;
  }

  /** A copy sharing every node with this map; writes to either copy only what they change. */
  clone(): IdMap<V> {
    const c = new IdMap<V>();
    c.root = this.root;
    c.shift = this.shift;
    c.count = this.count;
    // neither map may now write the shared nodes in place
    this.owner = {};
    return c;
  }

  get(id: number): V | undefined {
    let node: TrieNode<V> | undefined = this.root ?? undefined;
    if (!node || id < 0 || id >= WIDTH << this.shift) return undefined;
    for (let s = this.shift; s > 0; s -= BITS) {
      node = node.slots[(id >>> s) & MASK] as TrieNode<V> | undefined;
      if (!node) return undefined;
    }
    return node.slots[id & MASK] as V | undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  set(id: number, value: V): this {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new RangeError(`IdMap keys are ids >= 0, got ${id}`);
    if (value === undefined) throw new TypeError("IdMap values cannot be undefined");
    if (!this.root) this.root = { owner: this.owner, slots: [] };
    while (id >= WIDTH << this.shift) {
      this.root = { owner: this.owner, slots: [this.root] };
      this.shift += BITS;
    }
    this.root = this.writable(this.root);
    let node = this.root;
    for (let s = this.shift; s > 0; s -= BITS) {
      const i = (id >>> s) & MASK;
      const child = node.slots[i] as TrieNode<V> | undefined;
      const next = child ? this.writable(child) : { owner: this.owner, slots: [] };
      node.slots[i] = next;
      node = next;
    }
    if (node.slots[id & MASK] === undefined) this.count++;
    node.slots[id & MASK] = value;
    return this;
  }

  delete(id: number): boolean {
    if (!this.has(id)) return false;
    this.root = this.writable(this.root as TrieNode<V>);
    let node = this.root;
    for (let s = this.shift; s > 0; s -= BITS) {
      const i = (id >>> s) & MASK;
      const next = this.writable(node.slots[i] as TrieNode<V>);
      node.slots[i] = next;
      node = next;
    }
    node.slots[id & MASK] = undefined;
    this.count--;
    return true;
  }

  private writable(node: TrieNode<V>): TrieNode<V> {
    return node.owner === this.owner ? node : { owner: this.owner, slots: node.slots.slice() };
  }

  *entries(): MapIterator<[number, V]> {
    if (!this.root) return;
    const walk = function* (node: TrieNode<V>, shift: number, base: number): Generator<[number, V]> {
      const slots = node.slots;
      for (let i = 0; i < slots.length; i++) {
        const x = slots[i];
        if (x === undefined) continue;
        if (shift === 0) yield [base + i, x as V];
        else yield* walk(x as TrieNode<V>, shift - BITS, base + (i << shift));
      }
    };
    yield* walk(this.root, this.shift, 0);
  }

  *keys(): MapIterator<number> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: number, map: ReadonlyMap<number, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }

  /**
   * Calls `fn` for every id whose value differs (by identity) between `a` and `b`, skipping the
   * subtrees the two share: the cost is in what changed between them, not in their size.
   */
  static diff<V>(a: IdMap<V>, b: IdMap<V>, fn: (id: number, before: V | undefined, after: V | undefined) => void): void {
    const shift = Math.max(a.shift, b.shift);
    const lift = (m: IdMap<V>): TrieNode<V> | null => {
      let node = m.root;
      for (let s = m.shift; s < shift && node; s += BITS) node = { owner: m, slots: [node] };
      return node;
    };
    const walk = (x: TrieNode<V> | null | undefined, y: TrieNode<V> | null | undefined, s: number, base: number): void => {
      if (x === y) return;
      const n = Math.max(x?.slots.length ?? 0, y?.slots.length ?? 0);
      for (let i = 0; i < n; i++) {
        const p = x?.slots[i];
        const q = y?.slots[i];
        if (p === q) continue;
        if (s === 0) fn(base + i, p as V | undefined, q as V | undefined);
        else walk(p as TrieNode<V> | undefined, q as TrieNode<V> | undefined, s - BITS, base + (i << s));
      }
    };
    // lifting makes new wrapper nodes, so equal roots are compared before lifting
    if (a.root === b.root && a.shift === b.shift) return;
    walk(lift(a), lift(b), shift, 0);
  }

  get [Symbol.toStringTag](): string {
    return "IdMap";
  }
}
