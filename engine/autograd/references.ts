// Which tensors and grad_fn nodes are still referenced, as CPython and PyTorch count references:
// a tensor holds its grad_fn, its .grad, its view base and its tangent; a node holds its next functions and the
// inputs it saved (not its own saved outputs: PyTorch saves those without their grad_fn, so no
// cycle); AccumulateGrad and its leaf keep each other (one vertex here). Counts are kept from the
// event stream itself, so every change costs what it touches, and a vertex nothing holds (no
// reference count, not held by a Python value) is freed together with whatever only it held.
// Cycles are never freed, as in PyTorch (backward(create_graph=True) leaks x <-> x.grad's graph).

import type { NodeInfo, TensorInfo, TraceEvent } from "../events.ts";

/** tensors as id * 2, nodes as id * 2 + 1 */
type Key = number;
const tensorKey = (id: number): Key => id * 2;
const nodeKey = (id: number): Key => id * 2 + 1;

interface Vertex {
  /** event index at which it appeared: temporaries of a statement still running are protected by it */
  born: number;
  rc: number;
  held: boolean;
  freed: boolean;
  /** tensors: [grad_fn, .grad, base, tangent]; nodes: next functions, then saved inputs */
  out: (Key | null)[];
  /** nodes: how many of `out` are next functions (the saved ones follow) */
  nexts: number;
}

/** A run of event indices whose new vertices may be on a running statement's evaluation stack. */
export interface Protection {
  token: object;
  from: number;
  to: number;
}

export interface Freed {
  nodes: number[];
  tensors: number[];
}

export class GraphReferences {
  private readonly vertices = new Map<Key, Vertex>();
  /** AccumulateGrad node id -> its leaf's tensor id (one vertex), and back */
  private readonly leafOf = new Map<number, number>();
  private readonly accOf = new Map<number, number>();
  /** vertices whose count reached 0 (or that were born unreferenced) since they were last looked at */
  private candidates: Key[] = [];
  /** candidates kept alive by a protection, looked at again once it is gone */
  private deferred = new Map<object, Key[]>();
  private held = new Set<Key>();
  /** tensors that were given a tangent under the dual level in force */
  private readonly duals = new Set<Key>();
  private index = -1;

  /** Counts the references an event adds or drops (call it for every event, in order). */
  observe(e: TraceEvent): void {
    this.index++;
    switch (e.kind) {
      case "tensor/created":
        this.addTensor(e.tensor);
        break;
      case "node/created":
        this.addNode(e.node);
        break;
      case "op/applied":
        if (e.node) this.addNode(e.node);
        this.addTensor(e.output);
        for (const t of e.extraOutputs ?? []) this.addTensor(t);
        break;
      case "tensor/mutated":
        if (e.node) {
          this.addNode(e.node);
          this.setOut(tensorKey(e.rebased ?? e.tensor), 0, this.resolveNode(e.node.id));
        }
        break;
      case "tensor/flags":
        this.setOut(tensorKey(e.tensor), 0, e.gradFn == null ? null : this.resolveNode(e.gradFn));
        break;
      case "tangent/set":
        // a dual tensor holds its tangent (slot 3)
        this.setOut(tensorKey(e.tensor), 3, tensorKey(e.tangent));
        this.duals.add(tensorKey(e.tensor));
        break;
      case "dual/level":
        // the level's end drops every tangent
        if (!e.entered) for (const k of this.duals) this.setOut(k, 3, null);
        if (!e.entered) this.duals.clear();
        break;
      case "attr/set":
        this.setOut(tensorKey(e.tensor), 1, e.after == null ? null : tensorKey(e.after));
        break;
      case "grad/accumulated":
        this.setOut(tensorKey(e.leaf), 1, tensorKey(e.after));
        break;
      case "saved/hooked": {
        // what a pack hook returned is held by the node, with its saved tensors
        const v = this.vertices.get(nodeKey(e.node));
        if (v) for (const id of e.packed) this.setOut(nodeKey(e.node), v.out.length, tensorKey(id));
        break;
      }
      case "saved/freed":
        for (const id of e.nodes) {
          const v = this.vertices.get(nodeKey(id));
          if (v) for (let i = v.nexts; i < v.out.length; i++) this.setOut(nodeKey(id), i, null);
        }
        break;
    }
  }

  /**
   * Takes the tensors and nodes Python values hold now, and frees every vertex nothing holds any
   * more (and what only it held), except those born inside a protection. Returns what was freed.
   */
  release(heldTensors: Iterable<number>, heldNodes: Iterable<number>, protections: readonly Protection[]): Freed {
    const next = new Set<Key>();
    for (const id of heldTensors) next.add(tensorKey(id));
    for (const id of heldNodes) next.add(this.resolveNode(id));
    for (const k of this.held) {
      if (next.has(k)) continue;
      const v = this.vertices.get(k);
      if (!v) continue;
      v.held = false;
      if (v.rc === 0) this.candidates.push(k);
    }
    for (const k of next) {
      const v = this.vertices.get(k);
      if (v) v.held = true;
    }
    this.held = next;
    // protections gone since the last call: their deferred candidates are looked at again
    const active = new Set(protections.map((p) => p.token));
    for (const [token, keys] of this.deferred)
      if (!active.has(token)) {
        this.deferred.delete(token);
        for (const k of keys) this.candidates.push(k);
      }
    const freed: Freed = { nodes: [], tensors: [] };
    const work = this.candidates;
    this.candidates = [];
    for (const k of work) {
      const v = this.vertices.get(k);
      if (!v || v.freed || v.rc > 0 || v.held) continue;
      const p = protections.find((q) => v.born >= q.from && v.born < q.to);
      if (p) {
        const list = this.deferred.get(p.token);
        if (list) list.push(k);
        else this.deferred.set(p.token, [k]);
        continue;
      }
      this.free(k, freed);
    }
    return freed;
  }

  /** Vertices nothing references yet or any more that were not freed (for tests). */
  isFreed(kind: "tensor" | "node", id: number): boolean {
    const k = kind === "tensor" ? tensorKey(id) : this.resolveNode(id);
    return this.vertices.get(k)?.freed ?? false;
  }

  private free(start: Key, freed: Freed): void {
    const stack = [start];
    while (stack.length) {
      const k = stack.pop()!;
      const v = this.vertices.get(k)!;
      v.freed = true;
      if (k % 2 === 1) freed.nodes.push((k - 1) / 2);
      else {
        freed.tensors.push(k / 2);
        const acc = this.accOf.get(k / 2);
        if (acc != null) freed.nodes.push(acc);
      }
      for (const target of v.out) {
        if (target == null) continue;
        const t = this.vertices.get(target);
        if (!t || t.freed) continue;
        t.rc--;
        if (t.rc === 0 && !t.held) stack.push(target);
      }
      v.out = [];
    }
  }

  private resolveNode(id: number): Key {
    const leaf = this.leafOf.get(id);
    return leaf != null ? tensorKey(leaf) : nodeKey(id);
  }

  private vertex(k: Key): Vertex {
    let v = this.vertices.get(k);
    if (!v) {
      v = { born: this.index, rc: 0, held: false, freed: false, out: [], nexts: 0 };
      this.vertices.set(k, v);
      this.candidates.push(k);
    }
    return v;
  }

  private addTensor(t: TensorInfo): void {
    const k = tensorKey(t.id);
    this.vertex(k);
    this.setOut(k, 0, t.gradFn == null ? null : this.resolveNode(t.gradFn));
    this.setOut(k, 2, t.base == null ? null : tensorKey(t.base));
  }

  private addNode(n: NodeInfo): void {
    if (n.name === "AccumulateGrad" && n.variable != null) {
      // the leaf holds its AccumulateGrad and AccumulateGrad holds its leaf: one vertex
      this.leafOf.set(n.id, n.variable);
      this.accOf.set(n.variable, n.id);
      this.vertex(tensorKey(n.variable));
      return;
    }
    const k = nodeKey(n.id);
    const v = this.vertex(k);
    const targets: (Key | null)[] = n.next.map((e) => (e ? this.resolveNode(e.node) : null));
    const nexts = targets.length;
    for (const sv of n.saved) if (!sv.output) targets.push(tensorKey(sv.tensor));
    for (let i = 0; i < Math.max(targets.length, v.out.length); i++) this.setOut(k, i, targets[i] ?? null);
    v.out.length = targets.length;
    v.nexts = nexts;
  }

  /** Points slot `i` of `from`'s references at `to`, counting the reference it drops and the one it adds. */
  private setOut(from: Key, i: number, to: Key | null): void {
    const v = this.vertices.get(from);
    if (!v || v.freed) return;
    const old = v.out[i] ?? null;
    if (old === to) return;
    if (to != null) this.vertex(to).rc++;
    v.out[i] = to;
    if (old != null) {
      const o = this.vertices.get(old);
      if (o && !o.freed && --o.rc === 0 && !o.held) this.candidates.push(old);
    }
  }
}
