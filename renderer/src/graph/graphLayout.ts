// Positions for the graph view: the layout of the run's final graph, so no node ever moves while
// stepping (a node simply appears where it will stay); nodes missing from it get a spot on the right.

import { layoutGraph } from "../../layout/layout.ts";
import type { Layout, LayoutGraph, NodePlacement, Point } from "../../layout/types.ts";
import type { GraphModel } from "./graphModel.ts";

export function layoutOf(model: GraphModel): Layout {
  const ids = new Set(model.nodes.map((n) => n.id));
  const seen = new Set<string>();
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
      const key = `${e.source}>${e.target}`;
      if (seen.has(key) || !ids.has(e.source) || !ids.has(e.target)) return false;
      seen.add(key);
      return true;
    }),
  };
  return layoutGraph(graph, { nodeSep: 30, rankSep: 34 });
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
  const routes = new Map<string, Point[]>();
  for (const r of layout?.routes ?? []) routes.set(`${r.source}>${r.target}`, r.points);
  const routeOf = (source: number, target: number): Point[] => {
    const s = positions.get(source);
    const t = positions.get(target);
    const r = routes.get(`${source}>${target}`);
    if (r && s && t && known.get(source) && known.get(target)) return r;
    if (!s || !t) return [];
    return [
      [s.x, s.y - s.height / 2],
      [t.x, t.y + t.height / 2],
    ];
  };
  const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of positions.values()) {
    bounds.minX = Math.min(bounds.minX, p.x - p.width / 2);
    bounds.maxX = Math.max(bounds.maxX, p.x + p.width / 2);
    bounds.minY = Math.min(bounds.minY, p.y - p.height / 2 - 24);
    bounds.maxY = Math.max(bounds.maxY, p.y + p.height / 2 + 24);
  }
  if (!Number.isFinite(bounds.minX)) Object.assign(bounds, { minX: 0, minY: 0, maxX: 0, maxY: 0 });
  return { positions, routeOf, bounds };
}

/** The point a fraction `t` (0..1) of the way along a polyline. */
export function pointAlong(points: readonly Point[], t: number): Point {
  if (points.length === 0) return [0, 0];
  if (points.length === 1) return points[0];
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  let remaining = Math.max(0, Math.min(1, t)) * total;
  for (let i = 0; i < lengths.length; i++) {
    if (remaining <= lengths[i] || i === lengths.length - 1) {
      const f = lengths[i] === 0 ? 0 : Math.min(1, remaining / lengths[i]);
      return [points[i][0] + (points[i + 1][0] - points[i][0]) * f, points[i][1] + (points[i + 1][1] - points[i][1]) * f];
    }
    remaining -= lengths[i];
  }
  return points[points.length - 1];
}

/** place() that hands back last step's placement while the layout and every node's id and size are the same. */
export function createPlacer(): (model: GraphModel, layout: Layout | null) => Placed {
  let last: { nodes: GraphModel["nodes"]; layout: Layout | null; placed: Placed } | null = null;
  const sameSizes = (a: GraphModel["nodes"], b: GraphModel["nodes"]): boolean =>
    a === b || (a.length === b.length && a.every((n, i) => n.id === b[i].id && n.width === b[i].width && n.height === b[i].height));
  return (model, layout) => {
    if (last && last.layout === layout && sameSizes(model.nodes, last.nodes)) return last.placed;
    last = { nodes: model.nodes, layout, placed: place(model, layout) };
    return last.placed;
  };
}
