// Keeps last step's node and edge objects when their content is unchanged, so a step that changes
// a few nodes re-renders only those (Svelte compares props by identity).

import type { NodePlacement, Point } from "../../layout/types.ts";
import type { Placed } from "./graphLayout.ts";
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

/**
 * The same for positions and routes: an unchanged placement or route keeps last step's object,
 * so a node's position (a `{@const}` in the scene) does not change and nothing about it re-renders.
 */
export function createPlacedInterner(): { intern(placed: Placed): Placed } {
  let positions = new Map<number, NodePlacement>();
  const routes = new Map<string, Point[]>();
  return {
    intern(placed) {
      let next = new Map<number, NodePlacement>();
      let same = placed.positions.size === positions.size;
      for (const [id, p] of placed.positions) {
        const old = positions.get(id);
        const keep = old && old.x === p.x && old.y === p.y && old.width === p.width && old.height === p.height ? old : p;
        if (keep !== old) same = false;
        next.set(id, keep);
      }
      // the same map when nothing moved, so what draws all positions (the minimap) does not redraw
      if (same) next = positions;
      positions = next;
      const routeOf = (source: number, target: number): Point[] => {
        const fresh = placed.routeOf(source, target);
        const key = `${source}>${target}`;
        const old = routes.get(key);
        if (old && (old === fresh || sameData(old, fresh))) return old;
        routes.set(key, fresh);
        return fresh;
      };
      return { positions: next, routeOf, bounds: placed.bounds };
    },
  };
}

/**
 * Keeps each keyed item object from last time when all its fields are identical (===): an
 * each-block item that is the very same object is not touched, so its component does no work.
 */
export function createItemCache<K, T extends object>(): (entries: readonly [K, T][]) => T[] {
  let prev = new Map<K, T>();
  return (entries) => {
    const next = new Map<K, T>();
    const out = entries.map(([key, item]) => {
      const old = prev.get(key);
      const keep = old && shallowSame(old, item) ? old : item;
      next.set(key, keep);
      return keep;
    });
    prev = next;
    return out;
  };
}

function shallowSame(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}
