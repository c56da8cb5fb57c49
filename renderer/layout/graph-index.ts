// Dense indices for a layout graph: nodes sorted by creation order, adjacency as arrays, a topological order.

import type { LayoutGraph, LayoutNode } from "./types.ts";

export interface GraphIndex {
  /** nodes in creation order; position in this array is the node's index */
  nodes: LayoutNode[];
  indexOf: Map<number, number>;
  /** per node, indices of distinct input nodes / output nodes (parallel edges merged) */
  inputs: number[][];
  outputs: number[][];
  /** how many parallel edges each (input, output) pair has, keyed by input * n + output */
  multiplicity: Map<number, number>;
  /** a topological order (inputs before outputs), creation order among ready nodes */
  topo: number[];
}

/** Creation order key: the node's `order`, else its position in the input array. */
export function creationKeys(nodes: LayoutNode[]): number[] {
  return nodes.map((node, i) => node.order ?? i);
}

export function indexGraph(graph: LayoutGraph): GraphIndex {
  const keys = creationKeys(graph.nodes);
  const sortedIdx = graph.nodes.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  const nodes = sortedIdx.map((i) => graph.nodes[i]);
  const n = nodes.length;
  const indexOf = new Map<number, number>();
  nodes.forEach((node, i) => {
    if (indexOf.has(node.id)) throw new Error(`layout: duplicate node id ${node.id}`);
    indexOf.set(node.id, i);
  });
  const inputs: number[][] = Array.from({ length: n }, () => []);
  const outputs: number[][] = Array.from({ length: n }, () => []);
  const multiplicity = new Map<number, number>();
  for (const edge of graph.edges) {
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined || t === undefined) {
      throw new Error(
        `layout: edge ${edge.source} -> ${edge.target} names a node that is not in the graph`,
      );
    }
    if (s === t) throw new Error(`layout: edge ${edge.source} -> ${edge.target} is a self-loop`);
    const key = s * n + t;
    const seen = multiplicity.get(key) ?? 0;
    multiplicity.set(key, seen + 1);
    if (seen === 0) {
      inputs[t].push(s);
      outputs[s].push(t);
    }
  }
  return { nodes, indexOf, inputs, outputs, multiplicity, topo: topologicalOrder(inputs, outputs) };
}

/** Kahn's algorithm, taking ready nodes in creation (index) order so the result is deterministic.
 *  Graphs arrive in creation order, so this is usually 0..n-1 and the heap stays tiny. */
function topologicalOrder(inputs: number[][], outputs: number[][]): number[] {
  const n = inputs.length;
  const pending = inputs.map((list) => list.length);
  const ready = new MinHeap();
  for (let i = 0; i < n; i++) if (pending[i] === 0) ready.push(i);
  const order: number[] = [];
  while (ready.size > 0) {
    const v = ready.pop();
    order.push(v);
    for (const w of outputs[v]) if (--pending[w] === 0) ready.push(w);
  }
  if (order.length !== n)
    throw new Error("layout: the graph has a cycle; autograd graphs are acyclic");
  return order;
}

class MinHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= value) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = value;
  }
  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop() as number;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1] < a[l] ? l + 1 : l;
        if (a[c] >= last) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
