// Positions for the graph view: the layout of the run's final graph, so no node ever moves while
// stepping (a node simply appears where it will stay); nodes missing from it get a spot on the right.

import { layoutGraph } from "../../layout/layout.ts";
import type { Layout, LayoutGraph, LayoutOptions, NodePlacement, Point } from "../../layout/types.ts";
import type { GraphModel } from "./graphModel.ts";
import { deltaOf } from "./graphStore.ts";
import { pairKey } from "./pairKey.ts";

/** A quick layout (few ordering and coordinate rounds) for a graph shown only until the run's final layout comes. */
export const PREVIEW_LAYOUT: Partial<LayoutOptions> = { orderingRounds: 1, coordinateRounds: 6 };

export function layoutOf(model: GraphModel, options: Partial<LayoutOptions> = {}): Layout {
  const ids = new Set(model.nodes.map((n) => n.id));
  const seen = new Set<number>();
  const graph: LayoutGraph = {
    nodes: model.nodes.map((n, i) => ({
      id: n.id,
      kind: n.kind === "leaf" ? "accumulate" : "op",
      label: n.name,
      width: n.width,
      height: n.height,
      order: i,
      names: n.names,
    })),
    edges: model.edges.filter((e) => {
      const key = pairKey(e.source, e.target);
      if (seen.has(key) || !ids.has(e.source) || !ids.has(e.target)) return false;
      seen.add(key);
      return true;
    }),
  };
  return layoutGraph(graph, { nodeSep: 30, rankSep: 34, ...options });
}

export interface Placed {
  positions: Map<number, NodePlacement>;
  routeOf: (source: number, target: number) => Point[];
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/** Places this step's nodes using `layout` (of the final graph); extras go in a column on the right. */
export function place(model: GraphModel, layout: Layout | null): Placed {
  const positions = new Map<number, NodePlacement>();
  const known = layout?.positions ?? new Map<number, NodePlacement>();
  let extraX = layout ? layout.bounds.maxX + 40 : 0;
  for (const n of model.nodes) {
    const p = known.get(n.id);
    if (p) positions.set(n.id, { ...p, width: n.width, height: n.height });
    else {
      positions.set(n.id, { x: extraX + n.width / 2, y: 0, width: n.width, height: n.height, layer: 0 });
      extraX += n.width + 28;
    }
  }
  const routes = new Map<number, Point[]>();
  for (const r of layout?.routes ?? []) routes.set(pairKey(r.source, r.target), r.points);
  const routeOf = routeLookup(positions, routes, known);
  return { positions, routeOf, bounds: boundsOf(positions) };
}

/** An edge's route: the layout's when both ends are where the layout put them, else a straight line. */
function routeLookup(positions: Map<number, NodePlacement>, routes: Map<number, Point[]>, known: Map<number, NodePlacement>): (source: number, target: number) => Point[] {
  return (source, target) => {
    const s = positions.get(source);
    const t = positions.get(target);
    const r = routes.get(pairKey(source, target));
    if (r && s && t && known.get(source) && known.get(target)) return r;
    if (!s || !t) return [];
    return [
      [s.x, s.y - s.height / 2],
      [t.x, t.y + t.height / 2],
    ];
  };
}

/** The point a fraction `t` (0..1) of the way along a polyline. */
export function pointAlong(points: readonly Point[], t: number): Point {
  if (points.length === 0) return [0, 0];
  if (points.length === 1) return points[0];
  // no arrays of segment lengths: exports and label placement ask this of every edge, several times
  const last = points.length - 2;
  let total = 0;
  for (let i = 0; i <= last; i++) total += segmentLength(points, i);
  let remaining = Math.max(0, Math.min(1, t)) * total;
  for (let i = 0; i <= last; i++) {
    const length = segmentLength(points, i);
    if (remaining <= length || i === last) {
      const f = length === 0 ? 0 : Math.min(1, remaining / length);
      return [points[i][0] + (points[i + 1][0] - points[i][0]) * f, points[i][1] + (points[i + 1][1] - points[i][1]) * f];
    }
    remaining -= length;
  }
  return points[points.length - 1];
}

function segmentLength(points: readonly Point[], i: number): number {
  return Math.hypot(points[i + 1][0] - points[i][0], points[i + 1][1] - points[i][1]);
}

/**
 * place() kept from step to step: positions are updated only for the nodes whose views changed,
 * came or went (the model keeps a view's object while it is unchanged), the layout's routes are
 * indexed once per layout, and a step that moves nothing hands back the same placement. A node's
 * placement object stays the same while its position and size do; the positions map is one map
 * updated in place (a new Placed object says it changed). The same positions as place() at every step.
 */
export function createPlacer(): ((model: GraphModel, layout: Layout | null) => Placed) & { stats: { visited: number } } {
  let layout: Layout | null | undefined;
  let routes = new Map<number, Point[]>();
  let positions = new Map<number, NodePlacement>();
  /** the node view each position was made for */
  let made = new Map<number, GraphModel["nodes"][number]>();
  let lastNodes: GraphModel["nodes"] | null = null;
  let lastModel: GraphModel | null = null;
  let last: Placed | null = null;
  /** nodes looked at by the last call: a step's own (the graph store's delta), or every node */
  const stats = { visited: 0 };
  const visit = (n: GraphModel["nodes"][number], at: Layout): boolean => {
    stats.visited++;
    if (made.get(n.id) === n) return false;
    made.set(n.id, n);
    const p = at.positions.get(n.id) as NodePlacement;
    const old = positions.get(n.id);
    if (old && old.x === p.x && old.y === p.y && old.width === n.width && old.height === n.height) return false;
    positions.set(n.id, { ...p, width: n.width, height: n.height });
    return true;
  };
  const placeOf = (model: GraphModel, next: Layout | null): Placed => {
    stats.visited = 0;
    const from = lastModel;
    lastModel = model;
    if (next === layout && model.nodes === lastNodes && last) return last;
    // a step of the same graph store: only the units it changed (graphStore.ts deltaOf)
    const delta = next && next === layout ? deltaOf(model) : undefined;
    const units = delta && delta.from === from ? delta.units : null;
    // a node the layout does not know goes in a column on the right, in model order: place() does that
    if (!next || (units ? units.some((u) => u.after?.node && !next.positions.has(u.after.node.id)) : model.nodes.some((n) => !next.positions.has(n.id)))) {
      layout = undefined;
      lastNodes = null;
      return (last = place(model, next));
    }
    let changed = next !== layout;
    if (units) {
      const kept = new Set<number>();
      for (const u of units) if (u.after?.node) kept.add(u.after.node.id);
      for (const u of units) {
        const gone = u.before?.node;
        if (gone && !kept.has(gone.id) && made.delete(gone.id)) changed = positions.delete(gone.id) || changed;
      }
      for (const u of units) if (u.after?.node) changed = visit(u.after.node, next) || changed;
    } else {
      if (next !== layout) {
        layout = next;
        routes = new Map(next.routes.map((r) => [pairKey(r.source, r.target), r.points]));
        positions = new Map();
        made = new Map();
      }
      for (const n of model.nodes) changed = visit(n, next) || changed;
      if (made.size !== model.nodes.length) {
        const ids = new Set(model.nodes.map((n) => n.id));
        for (const id of made.keys())
          if (!ids.has(id)) {
            made.delete(id);
            positions.delete(id);
            changed = true;
          }
      }
    }
    lastNodes = model.nodes;
    if (!changed && last) return last;
    // one map, updated in place from step to step (its order is not place()'s, its content is)
    const byId = positions;
    const routeOf = routeLookup(byId, routes, next.positions);
    let bounds: Placed["bounds"] | null = null;
    return (last = {
      positions: byId,
      routeOf,
      // read only without a layout (the fit then frames what is placed)
      get bounds() {
        return (bounds ??= boundsOf(byId));
      },
    });
  };
  return Object.assign(placeOf, { stats });
}

function boundsOf(positions: Map<number, NodePlacement>): Placed["bounds"] {
  const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of positions.values()) {
    bounds.minX = Math.min(bounds.minX, p.x - p.width / 2);
    bounds.maxX = Math.max(bounds.maxX, p.x + p.width / 2);
    bounds.minY = Math.min(bounds.minY, p.y - p.height / 2 - 24);
    bounds.maxY = Math.max(bounds.maxY, p.y + p.height / 2 + 24);
  }
  if (!Number.isFinite(bounds.minX)) Object.assign(bounds, { minX: 0, minY: 0, maxX: 0, maxY: 0 });
  return bounds;
}
