// Drawing the zoomed-out graph on a canvas, as GraphNode/GraphEdge draw it in SVG when labels are
// hidden: boxes coloured by kind, order and status, edges as the same d3 curves with arrowheads.
// A grid of cells indexes what is drawn, so a step redraws only the cells its changes touch.

import { curveBasis, line } from "d3";
import type { Point } from "../../layout/types.ts";
import type { GraphEdgeView, GraphNodeView } from "./graphModel.ts";

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The theme's colours as the components' CSS reads them (var(--x, fallback)). */
export interface Palette {
  nodeFill: string;
  nodeStroke: string;
  leafFill: string;
  accumulate: string;
  order1: string;
  order2: string;
  backward: string;
  executingFill: string;
  error: string;
  groupFill: string;
  edge: string;
  tangent: string;
}

/** Reads the palette from an element's computed style; `toRgb` normalises a CSS colour. */
export function readPalette(style: CSSStyleDeclaration, toRgb: (css: string) => [number, number, number]): Palette {
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const mix = (a: string, b: string, p: number) => {
    const [x, y] = [toRgb(a), toRgb(b)];
    return `rgb(${x.map((c, i) => Math.round(c * p + y[i] * (1 - p))).join(", ")})`;
  };
  const nodeFill = v("--node-fill", "#eef4fb");
  const backward = v("--c-backward", "#e69f00");
  return {
    nodeFill,
    nodeStroke: v("--node-stroke", "#0072b2"),
    leafFill: v("--leaf-fill", "#e8f6f0"),
    accumulate: v("--c-accumulate", "#009e73"),
    order1: v("--c-order1", "#56b4e9"),
    order2: v("--c-order2", "#f0e442"),
    backward,
    executingFill: mix(backward, nodeFill, 0.22),
    error: v("--c-error", "#d55e00"),
    groupFill: mix(v("--c-forward", "#0072b2"), nodeFill, 0.12),
    edge: v("--fg-muted", "#5a6270"),
    tangent: v("--c-tangent", "#7b3fb0"),
  };
}

interface NodeStyle {
  fill: string;
  stroke: string;
  width: number;
  dash: number[];
}

/** GraphNode.svelte's box rules, in their cascade order (later rules win). */
export function nodeStyle(n: GraphNodeView, pal: Palette, selected: boolean, hit: boolean): NodeStyle {
  const s: NodeStyle = { fill: pal.nodeFill, stroke: pal.nodeStroke, width: 1.5, dash: [] };
  if (n.kind === "forward") Object.assign(s, { stroke: pal.tangent, width: 2, dash: [7, 3] });
  if (n.tangentFormulaOf != null) Object.assign(s, { stroke: pal.tangent, dash: [2, 3] });
  if (n.kind === "leaf") Object.assign(s, { fill: pal.leafFill, stroke: pal.accumulate });
  if (n.order === 1) Object.assign(s, { stroke: pal.order1, width: 2.5, dash: [6, 3] });
  if (n.order >= 2) Object.assign(s, { stroke: pal.order2, width: 2.5, dash: [2, 2] });
  if (n.status === "executing") Object.assign(s, { stroke: pal.backward, width: 4, fill: pal.executingFill });
  if (n.status === "executed") s.stroke = pal.backward;
  if (n.error) Object.assign(s, { stroke: pal.error, width: 4 });
  if (n.group != null) Object.assign(s, { width: 2.5, fill: pal.groupFill });
  if (hit) Object.assign(s, { stroke: pal.backward, width: 5 });
  if (selected) s.width = 3.5;
  return s;
}

export function drawNode(ctx: CanvasRenderingContext2D, n: GraphNodeView, x: number, y: number, style: NodeStyle): void {
  ctx.beginPath();
  ctx.roundRect(x - n.width / 2, y - n.height / 2, n.width, n.height, 7);
  ctx.fillStyle = style.fill;
  ctx.fill();
  ctx.setLineDash(style.dash);
  ctx.lineWidth = style.width;
  ctx.strokeStyle = style.stroke;
  ctx.stroke();
}

const curve = line<Point>().curve(curveBasis);

/** An edge as GraphEdge draws it: the route shifted sideways by `offset`, an arrowhead at its end. */
export function drawEdge(ctx: CanvasRenderingContext2D, e: GraphEdgeView, points: readonly Point[], offset: number, pal: Palette): void {
  if (points.length < 2) return;
  const pts = points.map(([x, y]): Point => [x + offset, y]);
  const grad = e.grad != null;
  ctx.setLineDash([]);
  ctx.beginPath();
  curve.context(ctx)(pts);
  ctx.lineWidth = grad ? 2.5 : 1.4;
  ctx.strokeStyle = grad ? pal.backward : pal.edge;
  ctx.stroke();
  // the marker: a 10x10 triangle scaled to 9 (11 with a gradient), its point 1 unit past the end
  const [ax, ay] = pts[pts.length - 2];
  const [bx, by] = pts[pts.length - 1];
  const size = grad ? 11 : 9;
  ctx.save();
  ctx.translate(bx, by);
  ctx.rotate(Math.atan2(by - ay, bx - ax));
  ctx.scale(size / 10, size / 10);
  ctx.beginPath();
  ctx.moveTo(-9, -5);
  ctx.lineTo(1, 0);
  ctx.lineTo(-9, 5);
  ctx.closePath();
  ctx.fillStyle = grad ? pal.backward : pal.edge;
  ctx.fill();
  ctx.restore();
}

/** The box a node covers, with room for its widest stroke. */
export function nodeBox(x: number, y: number, n: GraphNodeView): Box {
  return { x0: x - n.width / 2 - 4, y0: y - n.height / 2 - 4, x1: x + n.width / 2 + 4, y1: y + n.height / 2 + 4 };
}

/** The box an edge covers, arrowhead and stroke included. */
export function edgeBox(points: readonly Point[], offset: number): Box {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [x, y] of points) {
    b.x0 = Math.min(b.x0, x + offset - 8);
    b.x1 = Math.max(b.x1, x + offset + 8);
    b.y0 = Math.min(b.y0, y - 8);
    b.y1 = Math.max(b.y1, y + 8);
  }
  return b;
}

export const overlaps = (a: Box, b: Box): boolean => a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;

/** Items by the grid cells their boxes cover: what a small region needs redrawn is found in a few cells.
 *  A box is filed at the finest of a few grids (cells 1x, 16x, 256x the base size) where it covers at
 *  most MAX_CELLS cells: a long edge (from a tensor that feeds every layer to the last of 5,000) would
 *  otherwise fill a thousand cells, and 5,000 of them took seconds to index. */
export class CellIndex<T> {
  private levels: { size: number; cells: Map<number, Set<T>> }[];
  constructor(cell = 256) {
    this.levels = [1, 16, 256].map((k) => ({ size: cell * k, cells: new Map() }));
  }

  private static span(b: Box, c: number): [number, number, number, number] {
    return [Math.floor(b.x0 / c), Math.floor(b.x1 / c), Math.floor(b.y0 / c), Math.floor(b.y1 / c)];
  }

  private levelOf(b: Box): number {
    for (let i = 0; i < this.levels.length - 1; i++) {
      const [x0, x1, y0, y1] = CellIndex.span(b, this.levels[i].size);
      if ((x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_CELLS) return i;
    }
    return this.levels.length - 1;
  }

  private static *keys(b: Box, c: number): Generator<number> {
    const [x0, x1, y0, y1] = CellIndex.span(b, c);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) yield cx * 1_000_003 + cy;
  }

  add(item: T, b: Box): void {
    const { size, cells } = this.levels[this.levelOf(b)];
    for (const k of CellIndex.keys(b, size)) {
      let set = cells.get(k);
      if (!set) cells.set(k, (set = new Set()));
      set.add(item);
    }
  }

  remove(item: T, b: Box): void {
    const { size, cells } = this.levels[this.levelOf(b)];
    for (const k of CellIndex.keys(b, size)) cells.get(k)?.delete(item);
  }

  /** Items whose cells meet the box (a superset of those that overlap it). */
  query(b: Box): Set<T> {
    const out = new Set<T>();
    for (const { size, cells } of this.levels) {
      if (cells.size === 0) continue;
      for (const k of CellIndex.keys(b, size)) for (const item of cells.get(k) ?? []) out.add(item);
    }
    return out;
  }
}

/** the most cells a box is filed under (at the finest grid where it fits) */
const MAX_CELLS = 64;

interface DrawnNode {
  n: GraphNodeView;
  x: number;
  y: number;
  box: Box;
  selected: boolean;
  hit: boolean;
}
interface DrawnEdge {
  e: GraphEdgeView;
  points: Point[];
  offset: number;
  box: Box;
  seen: number;
}

/** What a step draws: the model, where its nodes are, and what SVG draws over the canvas instead. */
export interface CanvasFrame {
  nodes: readonly GraphNodeView[];
  edges: readonly GraphEdgeView[];
  positions: Map<number, { x: number; y: number }>;
  routeOf: (source: number, target: number) => Point[];
  skip: { nodes: Set<number>; edges: Set<GraphEdgeView> };
  selected: number | null;
  hit: number | null;
}

/**
 * The canvas's content kept between steps: what is drawn where, indexed by cells. `update` brings it
 * to a new step and returns the regions that changed (each step: its new and changed items, and
 * where removed ones were); `paint` redraws a region (or everything) from what is kept.
 */
export class CanvasLayer {
  private nodes = new Map<number, DrawnNode>();
  private edges = new Map<GraphEdgeView, DrawnEdge>();
  private nodeCells = new CellIndex<number>();
  private edgeCells = new CellIndex<GraphEdgeView>();
  private generation = 0;

  get size(): number {
    return this.nodes.size;
  }

  /** The node under a graph-space point, or null. */
  nodeAt(x: number, y: number): GraphNodeView | null {
    for (const id of this.nodeCells.query({ x0: x, y0: y, x1: x, y1: y })) {
      const d = this.nodes.get(id);
      if (d && Math.abs(x - d.x) <= d.n.width / 2 && Math.abs(y - d.y) <= d.n.height / 2) return d.n;
    }
    return null;
  }

  update(f: CanvasFrame): Box[] {
    const dirty: Box[] = [];
    let seen = 0;
    for (const n of f.nodes) {
      if (f.skip.nodes.has(n.id)) continue;
      seen++;
      const p = f.positions.get(n.id);
      if (!p) continue;
      const old = this.nodes.get(n.id);
      const selected = f.selected != null && n.tensor === f.selected;
      const hit = n.id === f.hit;
      if (old && old.n === n && old.x === p.x && old.y === p.y && old.selected === selected && old.hit === hit) continue;
      if (old) {
        dirty.push(old.box);
        this.nodeCells.remove(n.id, old.box);
      }
      const box = nodeBox(p.x, p.y, n);
      this.nodes.set(n.id, { n, x: p.x, y: p.y, box, selected, hit });
      this.nodeCells.add(n.id, box);
      dirty.push(box);
    }
    if (this.nodes.size !== seen) {
      const ids = new Set<number>();
      for (const n of f.nodes) if (!f.skip.nodes.has(n.id)) ids.add(n.id);
      for (const [id, d] of this.nodes)
        if (!ids.has(id)) {
          this.nodes.delete(id);
          this.nodeCells.remove(id, d.box);
          dirty.push(d.box);
        }
    }
    const gen = ++this.generation;
    const list = f.edges;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (f.skip.edges.has(e)) continue;
      const old = this.edges.get(e);
      if (old) {
        old.seen = gen;
        continue;
      }
      // a second edge between the same two nodes (x * x) is drawn beside the first, as GraphScene does
      let k = 0;
      for (let j = i - 1; j >= 0 && list[j].target === e.target; j--) if (list[j].source === e.source) k++;
      const offset = k === 0 ? 0 : k % 2 ? 10 * Math.ceil(k / 2) : -10 * (k / 2);
      const points = f.routeOf(e.source, e.target);
      const box = edgeBox(points, offset);
      this.edges.set(e, { e, points, offset, box, seen: gen });
      this.edgeCells.add(e, box);
      dirty.push(box);
    }
    for (const [e, d] of this.edges)
      if (d.seen !== gen) {
        this.edges.delete(e);
        this.edgeCells.remove(e, d.box);
        dirty.push(d.box);
      }
    return dirty;
  }

  /** Draws what is kept inside `region` (graph space), or all of it within `view`; the context's transform maps graph space. */
  paint(ctx: CanvasRenderingContext2D, region: Box | null, view: Box, pal: Palette): void {
    const within = region ?? view;
    const edges = region ? [...this.edgeCells.query(region)].map((e) => this.edges.get(e)) : this.edges.values();
    for (const d of edges) if (d && overlaps(d.box, within)) drawEdge(ctx, d.e, d.points, d.offset, pal);
    const nodes = region ? [...this.nodeCells.query(region)].map((id) => this.nodes.get(id)) : this.nodes.values();
    for (const d of nodes) if (d && overlaps(d.box, within)) drawNode(ctx, d.n, d.x, d.y, nodeStyle(d.n, pal, d.selected, d.hit));
  }
}

/** What animates at this step, drawn in SVG over the canvas: nodes born now, the edges into them, gradients being sent. */
export function animatedAt(nodes: readonly GraphNodeView[], edges: readonly GraphEdgeView[], step: number): CanvasFrame["skip"] {
  const born = new Set<number>();
  for (const n of nodes) if (n.bornAt === step) born.add(n.id);
  const moving = new Set<GraphEdgeView>();
  for (const e of edges) if (e.gradNow || born.has(e.target)) moving.add(e);
  return { nodes: born, edges: moving };
}
