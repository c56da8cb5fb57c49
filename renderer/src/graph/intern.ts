// Keeps last step's node and edge objects when their content is unchanged, so a step that changes
// a few nodes re-renders only those (Svelte compares props by identity).

import type { GraphEdgeView, GraphModel, GraphNodeView } from "./graphModel.ts";

/** Structural equality of plain data (objects, arrays, primitives). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

export interface Interner {
  /** the model with every unchanged node/edge replaced by the object seen last time */
  intern(model: GraphModel): GraphModel;
}

export function createInterner(): Interner {
  let nodes = new Map<number, GraphNodeView>();
  let edges = new Map<string, GraphEdgeView>();
  let last: GraphModel | null = null;
  return {
    intern(model) {
      const nextNodes = new Map<number, GraphNodeView>();
      const nextEdges = new Map<string, GraphEdgeView>();
      let changed = !last || last.nodes.length !== model.nodes.length || last.edges.length !== model.edges.length;
      const outNodes = model.nodes.map((n, i) => {
        const old = nodes.get(n.id);
        const keep = old && sameData(old, n) ? old : n;
        nextNodes.set(n.id, keep);
        if (!changed && last?.nodes[i] !== keep) changed = true;
        return keep;
      });
      const seen: Record<string, number> = {};
      const outEdges = model.edges.map((e, i) => {
        const base = `${e.source}>${e.target}`;
        const k = (seen[base] = (seen[base] ?? -1) + 1);
        const key = `${base}#${k}`;
        const old = edges.get(key);
        const keep = old && sameData(old, e) ? old : e;
        nextEdges.set(key, keep);
        if (!changed && last?.edges[i] !== keep) changed = true;
        return keep;
      });
      nodes = nextNodes;
      edges = nextEdges;
      // an unchanged step hands back the very same model, so nothing downstream recomputes
      if (!changed && last) return last;
      last = { nodes: outNodes, edges: outEdges };
      return last;
    },
  };
}
