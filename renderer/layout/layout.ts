// Full layered layout of an autograd graph: layers, ordering, coordinates, routes; also the state appends grow.

import { assignX } from "./coordinates.ts";
import { creationKeys, indexGraph } from "./graph-index.ts";
import { buildLayeredGraph } from "./layered-graph.ts";
import { assignLayers } from "./layers.ts";
import { orderLayers } from "./ordering.ts";
import type {
  Layout,
  LayoutGraph,
  LayoutOptions,
  NodePlacement,
  Point,
  EdgeRoute,
  Bounds,
} from "./types.ts";
import { defaultLayoutOptions } from "./types.ts";

/** A real node's horizontal extent in its layer, kept sorted so an append finds a free slot fast. */
export interface RowEntry {
  id: number;
  left: number;
  right: number;
}

/** Everything an incremental append needs. Owned by the caller: appendNode updates it in place. */
export interface LayoutState {
  options: LayoutOptions;
  graph: LayoutGraph;
  layout: Layout;
  /** per layer, real nodes sorted by left edge */
  rows: Map<number, RowEntry[]>;
}

/** Lay the whole graph out from scratch. Deterministic: the same graph gives the same numbers. */
export function relayout(graph: LayoutGraph, options: Partial<LayoutOptions> = {}): LayoutState {
  const opts: LayoutOptions = { ...defaultLayoutOptions, ...options };
  const index = indexGraph(graph);
  const n = index.nodes.length;
  const layerOf = assignLayers(index);
  const keys = creationKeys(index.nodes);
  const layered = buildLayeredGraph(index, layerOf, keys, 0);
  const order = orderLayers(layered, opts.orderingRounds);
  const x = assignX(layered, order, opts.nodeSep, opts.coordinateRounds);

  let tallest = 0;
  for (const node of index.nodes) tallest = Math.max(tallest, node.height);
  const layerPitch = Math.max(opts.minLayerPitch, tallest + opts.rankSep);
  const yOf = (layer: number): number => (layer === 0 ? 0 : -layer * layerPitch);

  // Shift so the leftmost node edge sits at x = 0: exports then start at the origin.
  let minLeft = Infinity;
  for (let v = 0; v < n; v++) minLeft = Math.min(minLeft, x[v] - index.nodes[v].width / 2);
  for (let v = 0; v < layered.layer.length; v++) minLeft = Math.min(minLeft, x[v]);
  const shift = Number.isFinite(minLeft) ? -minLeft : 0;

  const positions = new Map<number, NodePlacement>();
  const rows = new Map<number, RowEntry[]>();
  for (let v = 0; v < n; v++) {
    const node = index.nodes[v];
    const placement: NodePlacement = {
      x: round(x[v] + shift),
      y: yOf(layerOf[v]),
      width: node.width,
      height: node.height,
      layer: layerOf[v],
    };
    positions.set(node.id, placement);
    let row = rows.get(placement.layer);
    if (!row) rows.set(placement.layer, (row = []));
    row.push({
      id: node.id,
      left: placement.x - node.width / 2,
      right: placement.x + node.width / 2,
    });
  }
  for (const row of rows.values()) row.sort((a, b) => a.left - b.left);

  const routes: EdgeRoute[] = graph.edges.map((edge) => {
    const s = index.indexOf.get(edge.source) as number;
    const t = index.indexOf.get(edge.target) as number;
    const middle: Point[] = (layered.chains.get(s * n + t) ?? []).map((d) => [
      round(x[d] + shift),
      yOf(layered.layer[d]),
    ]);
    return {
      source: edge.source,
      target: edge.target,
      points: routeThrough(positions, edge.source, edge.target, middle),
    };
  });

  const layout: Layout = { positions, routes, bounds: boundsOf(positions, routes), layerPitch };
  return {
    options: opts,
    graph: { nodes: graph.nodes.slice(), edges: graph.edges.slice() },
    layout,
    rows,
  };
}

/** The layout alone, for callers that never append (export, CLI). */
export function layoutGraph(graph: LayoutGraph, options: Partial<LayoutOptions> = {}): Layout {
  return relayout(graph, options).layout;
}

/** From the top of the source to the bottom of the target through the given layer points. */
export function routeThrough(
  positions: Map<number, NodePlacement>,
  source: number,
  target: number,
  middle: Point[],
): Point[] {
  const s = positions.get(source) as NodePlacement;
  const t = positions.get(target) as NodePlacement;
  return [[s.x, s.y - s.height / 2], ...middle, [t.x, t.y + t.height / 2]];
}

export function boundsOf(positions: Map<number, NodePlacement>, routes: EdgeRoute[]): Bounds {
  const b: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of positions.values()) growBounds(b, p);
  for (const route of routes) for (const [px, py] of route.points) growBoundsPoint(b, px, py);
  if (!Number.isFinite(b.minX)) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return b;
}

export function growBounds(b: Bounds, p: NodePlacement): void {
  b.minX = Math.min(b.minX, p.x - p.width / 2);
  b.maxX = Math.max(b.maxX, p.x + p.width / 2);
  b.minY = Math.min(b.minY, p.y - p.height / 2);
  b.maxY = Math.max(b.maxY, p.y + p.height / 2);
}

export function growBoundsPoint(b: Bounds, px: number, py: number): void {
  b.minX = Math.min(b.minX, px);
  b.maxX = Math.max(b.maxX, px);
  b.minY = Math.min(b.minY, py);
  b.maxY = Math.max(b.maxY, py);
}

/** Hundredths of a pixel: enough for drawing, and it keeps exported numbers short and stable. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
