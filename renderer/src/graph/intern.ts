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
  // the same placement in gives the same placement out, so items can skip looking their routes up
  let lastIn: Placed | null = null;
  let lastOut: Placed | null = null;
  return {
    intern(placed) {
      if (placed === lastIn && lastOut) return lastOut;
      lastIn = placed;
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
      lastOut = { positions: next, routeOf, bounds: placed.bounds };
      return lastOut;
    },
  };
}

/** The same items in the same order (identity): an each-block handed last step's list does nothing. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Keyed items kept across steps: a derived compares each item with last step's (`old`) and hands
 * back that very object when nothing about it changed; `done` ends the step and returns last step's
 * list itself when every item is last step's.
 */
export function createItemKeeper<K, T>(): { old(key: K): T | undefined; put(key: K, item: T): T; done(items: T[]): T[] } {
  let prev = new Map<K, T>();
  let next = new Map<K, T>();
  let lastList: T[] = [];
  return {
    old: (key) => prev.get(key),
    put(key, item) {
      next.set(key, item);
      return item;
    },
    done(items) {
      prev = next;
      next = new Map();
      if (sameItems(items, lastList)) return lastList;
      lastList = items;
      return items;
    },
  };
}
