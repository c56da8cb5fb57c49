// Full layered layout of an autograd graph: layers, ordering, coordinates, routes; also the state appends grow.

import { assignX } from "./coordinates.ts";
import { creationKeys, indexGraph } from "./graph-index.ts";
import { buildLayeredGraph, type Bundle, type LayeredGraph } from "./layered-graph.ts";
import { assignLayers } from "./layers.ts";
import { orderLayers } from "./ordering.ts";
import type { Work } from "./work.ts";
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
  /** what the full layout cost: dummies made, long edges drawn straight, elementary steps */
  stats: LayoutStats;
}

export interface LayoutStats {
  dummies: number;
  unrouted: number;
  /** vertices and segments visited, pairs compared and route points written (see work.ts) */
  work: number;
}

/** Lay the whole graph out from scratch. Deterministic: the same graph gives the same numbers. */
export function relayout(graph: LayoutGraph, options: Partial<LayoutOptions> = {}): LayoutState {
  const opts: LayoutOptions = { ...defaultLayoutOptions, ...options };
  const index = indexGraph(graph);
  const n = index.nodes.length;
  const layerOf = assignLayers(index);
  const keys = creationKeys(index.nodes);
  const work: Work = { count: 0 };
  const layered = buildLayeredGraph(index, layerOf, keys, 0);
  work.count += layered.layer.length + graph.edges.length;
  const order = orderLayers(layered, opts.orderingRounds, work);
  const x = assignX(layered, order, opts.nodeSep, opts.coordinateRounds, work);

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

  const lines = new BundleLines(layered, x, shift, yOf);
  const routes: EdgeRoute[] = graph.edges.map((edge) => {
    const s = index.indexOf.get(edge.source) as number;
    const t = index.indexOf.get(edge.target) as number;
    const bundle = layered.bundles.get(s * n + t);
    const middle = bundle ? lines.between(bundle, layerOf[s] + 1, layerOf[t] - 1) : [];
    work.count += middle.length + 2;
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
    stats: {
      dummies: layered.layer.length - n,
      unrouted: layered.unrouted.size,
      work: work.count + lines.work.count,
    },
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

/** How far (px) a bundle's line may be straightened when its points are thinned out. */
const STRAIGHT_ENOUGH = 0.5;

/**
 * The points of a route through a bundle: where the bundle's line runs straight (to within half a
 * pixel) only its ends and the points next to them, so the curve drawn through them is the same;
 * an edge leaving a 2,000-layer fan-out bundle then has a handful of points rather than 2,000.
 */
class BundleLines {
  private drawn = new Map<Bundle, { xs: number[]; bends: number[] }>();
  /** points looked at while finding the bundles' corners */
  work: Work = { count: 0 };

  constructor(
    private layered: LayeredGraph,
    private x: Float64Array,
    private shift: number,
    private yOf: (layer: number) => number,
  ) {}

  /** the bundle's points from layer `from` up to layer `to` (both inclusive) */
  between(bundle: Bundle, from: number, to: number): Point[] {
    const { xs, bends } = this.lineOf(bundle);
    const a = from - bundle.base;
    const b = to - bundle.base;
    const keep: number[] = [a];
    const add = (i: number): void => {
      if (i > keep[keep.length - 1] && i <= b) keep.push(i);
    };
    add(a + 1);
    // the first bend strictly inside (a, b): a bend at i keeps i - 1, i, i + 1
    let lo = 0;
    let hi = bends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bends[mid] <= a) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < bends.length && bends[k] < b; k++) {
      add(bends[k] - 1);
      add(bends[k]);
      add(bends[k] + 1);
    }
    add(b - 1);
    add(b);
    return keep.map((i) => [xs[i], this.yOf(bundle.base + i)]);
  }

  private lineOf(bundle: Bundle): { xs: number[]; bends: number[] } {
    let line = this.drawn.get(bundle);
    if (!line) {
      const xs = bundle.ids.map((d) => round(this.x[d] + this.shift));
      const bends = corners(xs, STRAIGHT_ENOUGH, this.work);
      this.drawn.set(bundle, (line = { xs, bends }));
    }
    return line;
  }
}

/**
 * Indices of the corners of a line with one point per layer (x[i] at equally spaced heights), by
 * Douglas–Peucker: the points a polyline through only the ends and these passes within
 * `tolerance` of, measured across (the lines run up the drawing). Ascending, ends excluded.
 */
export function corners(
  xs: readonly number[],
  tolerance: number,
  work: Work = { count: 0 },
): number[] {
  const found: number[] = [];
  const stack: [number, number][] = [[0, xs.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    let worst = -1;
    let far = tolerance;
    work.count += b - a;
    for (let i = a + 1; i < b; i++) {
      const along = xs[a] + ((xs[b] - xs[a]) * (i - a)) / (b - a);
      const off = Math.abs(xs[i] - along);
      if (off > far) {
        far = off;
        worst = i;
      }
    }
    if (worst < 0) continue;
    found.push(worst);
    stack.push([a, worst], [worst, b]);
  }
  return found.sort((p, q) => p - q);
}

/** Hundredths of a pixel: enough for drawing, and it keeps exported numbers short and stable. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
