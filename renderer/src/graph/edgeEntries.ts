// The graph's edges as the scene draws them: a second edge between the same two nodes (x * x) is
// the k-th of its pair, drawn `offset` aside. Kept from step to step: an edge keeps its entry (and
// so everything derived from it) while its view object and place among its pair are the same, and
// a step that changes no edge hands back the same list. Looked up by the view object and a number
// per pair, never a string: a 20000-node graph has ~40000 edges, every step.

import type { GraphEdgeView } from "./graphModel.ts";
import { pairKey } from "./pairKey.ts";

export interface EdgeEntry {
  e: GraphEdgeView;
  /** 0 for the first edge between its two nodes, 1 for the second... */
  k: number;
  key: string;
  offset: number;
}

/** how far the k-th edge between the same two nodes is drawn from the first: 0, 10, -10, 20, -20... */
export function parallelOffset(k: number): number {
  return k === 0 ? 0 : k % 2 ? 10 * Math.ceil(k / 2) : -10 * (k / 2);
}

export function createEdgeEntries(): (edges: readonly GraphEdgeView[]) => EdgeEntry[] {
  let entryOf = new Map<GraphEdgeView, EdgeEntry>();
  let last: EdgeEntry[] = [];
  return (edges) => {
    const seen = new Map<number, number>();
    const next = new Map<GraphEdgeView, EdgeEntry>();
    const out: EdgeEntry[] = [];
    let same = edges.length === last.length;
    for (const e of edges) {
      const pair = pairKey(e.source, e.target);
      const k = seen.get(pair) ?? 0;
      seen.set(pair, k + 1);
      const old = entryOf.get(e);
      const entry = old && old.k === k ? old : { e, k, key: `${e.source}>${e.target}#${k}`, offset: parallelOffset(k) };
      next.set(e, entry);
      if (same && last[out.length] !== entry) same = false;
      out.push(entry);
    }
    entryOf = next;
    if (same) return last;
    last = out;
    return out;
  };
}
