// Where edge labels go so they do not cover each other: one shape label per source tensor, and
// gradient pills slid along their edges until they clear the pills already placed.

import type { NodePlacement, Point } from "../../layout/types.ts";
import { pointAlong } from "./graphLayout.ts";
import { monoWidth, TEXT_MAIN, TEXT_SMALL } from "./textScale.ts";
import { formatShape } from "../lib/format.ts";

export const GRAD_CHAR = monoWidth(1, TEXT_MAIN);
export const gradPillWidth = (text: string): number => (text.length + 2) * GRAD_CHAR + 16;
export const GRAD_PILL_HEIGHT = 20;
/** a small matrix's cells in a gradient pill (graph units): colours only, the numbers are in the inspector */
export const GRID_CELL_W = 14;
export const GRID_CELL_H = 11;

/** The pill a gradient is drawn in: its text's, or its grid's with the ∂ before it. */
export function gradPillSize(e: { grad: string | null; gradGrid: { rows: number; cols: number } | null }): { width: number; height: number } {
  if (e.gradGrid) return { width: e.gradGrid.cols * GRID_CELL_W + 30, height: Math.max(GRAD_PILL_HEIGHT, e.gradGrid.rows * GRID_CELL_H + 8) };
  return { width: gradPillWidth(e.grad ?? ""), height: GRAD_PILL_HEIGHT };
}

/** Fractions along an edge (from its consumer downwards) tried in turn for a gradient pill. */
const CANDIDATES = [0.5, 0.32, 0.68, 0.2, 0.8, 0.15, 0.85, 0.42, 0.58];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PillRequest {
  key: string;
  /** the route from the consumer down to the input */
  down: readonly Point[];
  width: number;
  height?: number;
}

/** Boxes indexed by grid cells of `cell` graph units, so a pill meets only its neighbours. */
class BoxGrid {
  private cells = new Map<string, Box[]>();
  constructor(private cell = 120) {}
  private keys(b: Box): string[] {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x0 / this.cell); cx <= Math.floor(b.x1 / this.cell); cx++)
      for (let cy = Math.floor(b.y0 / this.cell); cy <= Math.floor(b.y1 / this.cell); cy++) keys.push(`${cx},${cy}`);
    return keys;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  remove(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      const i = list ? list.indexOf(b) : -1;
      if (i >= 0) list!.splice(i, 1);
    }
  }
  /** the area of `b` covered by the boxes in the grid (overlaps counted once per box) */
  covered(b: Box): number {
    let hits = 0;
    for (const k of this.keys(b))
      for (const o of this.cells.get(k) ?? []) hits += Math.max(0, Math.min(o.x1, b.x1) - Math.max(o.x0, b.x0)) * Math.max(0, Math.min(o.y1, b.y1) - Math.max(o.y0, b.y0));
    return hits;
  }
}

/** The fraction along the pill's edge where it overlaps what is in `grid` least (by area), and the box it takes there. */
function bestSpot(r: PillRequest, grid: BoxGrid): { t: number; box: Box } {
  let best = CANDIDATES[0];
  let bestHits = Infinity;
  let bestBox: Box | null = null;
  const h = r.height ?? GRAD_PILL_HEIGHT;
  for (const t of CANDIDATES) {
    const [x, y] = pointAlong(r.down, t);
    const box = { x0: x - r.width / 2 - 2, y0: y - h / 2 - 1, x1: x + r.width / 2 + 2, y1: y + h / 2 + 1 };
    const hits = grid.covered(box);
    if (hits < bestHits) {
      best = t;
      bestHits = hits;
      bestBox = box;
    }
    if (hits === 0) break;
  }
  return { t: best, box: bestBox! };
}

/**
 * For each pill, the fraction along its edge where it overlaps the pills placed before it least (by area)
 * (greedy, in the given order; a grid of cells keeps it linear for thousands of pills).
 */
export function placePills(requests: readonly PillRequest[], obstacles: readonly Box[] = [], cell = 120): Map<string, number> {
  const out = new Map<string, number>();
  const grid = new BoxGrid(cell);
  // node boxes count too, so a pill does not cover a node's name
  for (const o of obstacles) grid.add(o);
  for (const r of requests) {
    const { t, box } = bestSpot(r, grid);
    out.set(r.key, t);
    grid.add(box);
  }
  return out;
}

/** Cuts a text to at most `chars` characters, ending in "…" when cut. */
export function fitText(text: string, chars: number): string {
  const n = Math.max(1, Math.floor(chars));
  return text.length <= n ? text : `${text.slice(0, Math.max(0, n - 1))}…`;
}

/** The keys of the edges that carry a shape label: the first edge out of each input without a gradient on it. */
export function shapeLabelKeys(edges: readonly { e: { source: number; grad: string | null }; key: string }[]): Set<string> {
  const keys = new Set<string>();
  const sources = new Set<number>();
  for (const { e, key } of edges) {
    if (e.grad != null || sources.has(e.source)) continue;
    sources.add(e.source);
    keys.add(key);
  }
  return keys;
}

/** Where each kept pill sits: the fraction along its edge (undefined for a pill not asked for). */
export interface PillSpots {
  get(key: string): number | undefined;
  readonly size: number;
}

/** A pill as the placer is asked for it: its edge's route (from the input up to the consumer) and size. */
export interface PillAsk {
  key: string;
  route: readonly Point[];
  width: number;
  height: number;
}

interface Kept {
  t: number;
  /** the call that last asked for it */
  asked: number;
  box: Box;
  width: number;
  height: number;
  route: readonly Point[];
}

/**
 * Pills kept from step to step: a step places only the pills that are new or changed (size, route)
 * against those already placed, and frees the room of those gone, so its work is the step's own few
 * pills rather than all of a backward's thousands. Pills already placed never move while stepping.
 * The node boxes are obstacles (a pill does not cover a node's name), updated when the placement is
 * a new one, for the nodes whose placement object changed (createPlacer keeps the unchanged ones).
 * The first call gives placePills' result.
 */
export function createPillPlacer(): {
  place(asks: readonly PillAsk[], placed: { positions: ReadonlyMap<number, NodePlacement> }): PillSpots;
  /** pills placed and node boxes updated by the last call (what a step cost) */
  readonly stats: { placed: number; nodes: number };
} {
  const stats = { placed: 0, nodes: 0 };
  const grid = new BoxGrid();
  let kept = new Map<string, Kept>();
  const nodeBoxes = new Map<number, { p: NodePlacement; box: Box }>();
  let synced: unknown = null;
  let call = 0;
  const spots = (): PillSpots => ({ get: (key) => kept.get(key)?.t, size: kept.size });
  let last = spots();
  const sameRoute = (a: readonly Point[], b: readonly Point[]): boolean =>
    a === b || (a.length === b.length && a.every((p, i) => p[0] === b[i][0] && p[1] === b[i][1]));
  /** the grid's node boxes brought to `nodes` (placement objects stay the same while a node does not move or resize) */
  const syncNodes = (nodes: ReadonlyMap<number, NodePlacement>): void => {
    for (const [id, p] of nodes) {
      const old = nodeBoxes.get(id);
      if (old?.p === p) continue;
      if (old) grid.remove(old.box);
      const box = { x0: p.x - p.width / 2, y0: p.y - p.height / 2, x1: p.x + p.width / 2, y1: p.y + p.height / 2 };
      grid.add(box);
      nodeBoxes.set(id, { p, box });
      stats.nodes++;
    }
    if (nodeBoxes.size !== nodes.size)
      for (const [id, old] of nodeBoxes)
        if (!nodes.has(id)) {
          grid.remove(old.box);
          nodeBoxes.delete(id);
          stats.nodes++;
        }
  };
  return {
    stats,
    place(asks, placed) {
      stats.placed = 0;
      stats.nodes = 0;
      if (asks.length === 0) {
        // no pills (a forward step): their room is freed; the node boxes stay for the next backward
        if (kept.size) {
          for (const old of kept.values()) grid.remove(old.box);
          kept = new Map();
          last = spots();
        }
        return last;
      }
      if (placed !== synced) {
        synced = placed;
        syncNodes(placed.positions);
      }
      let changed = false;
      call++;
      for (const a of asks) {
        const old = kept.get(a.key);
        if (old && old.width === a.width && old.height === a.height && sameRoute(old.route, a.route)) {
          old.asked = call;
          continue;
        }
        if (old) grid.remove(old.box);
        const { t, box } = bestSpot({ key: a.key, down: a.route.slice().reverse(), width: a.width, height: a.height }, grid);
        grid.add(box);
        kept.set(a.key, { t, asked: call, box, width: a.width, height: a.height, route: a.route });
        stats.placed++;
        changed = true;
      }
      if (kept.size !== asks.length)
        for (const [k, old] of kept)
          if (old.asked !== call) {
            grid.remove(old.box);
            kept.delete(k);
            changed = true;
          }
      // a new object when anything moved, so what reads it sees the change (O(1): it reads the kept pills)
      if (changed) last = spots();
      return last;
    },
  };
}

/** The box a shape label takes when its edge's point `at` anchors it: GraphEdge draws it from (x + 5, y + 3.5). */
export function shapeLabelBox(at: Point, text: string): Box {
  const [x, y] = at;
  return { x0: x + 5, y0: y + 3.5 - TEXT_SMALL, x1: x + 5 + monoWidth(text.length, TEXT_SMALL), y1: y + 3.5 + 3 };
}

/** What a node draws outside its box: the version badge and order tag above it, .grad's accumulation
 *  pill under a leaf (a backward's passing pills are not counted: labels would move with them). */
const NODE_MARGIN = { top: 15, side: 4, bottom: 2, leafBottom: 54 };

export interface NodeSpot {
  x: number;
  y: number;
  width: number;
  height: number;
  leaf?: boolean;
}

/** The room a node takes with what it may draw around itself (a leaf's accumulation pill only when `pills`). */
export function nodeRoom(n: NodeSpot, pills = true): Box {
  const m = NODE_MARGIN;
  return { x0: n.x - n.width / 2 - m.side, y0: n.y - n.height / 2 - m.top, x1: n.x + n.width / 2 + m.side, y1: n.y + n.height / 2 + (n.leaf && pills ? m.leafBottom : m.bottom) };
}

/** Fractions along an edge (from its input up) tried in turn for its shape label. */
const SHAPE_T = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

/** Boxes indexed by a grid, asked whether a box touches any of them. */
export function boxIndex(boxes: Iterable<Box>, cell = 96): (box: Box) => boolean {
  const grid = new Map<number, Box[]>();
  const key = (cx: number, cy: number): number => cx * 1_000_003 + cy;
  for (const b of boxes)
    for (let cx = Math.floor(b.x0 / cell); cx <= Math.floor(b.x1 / cell); cx++)
      for (let cy = Math.floor(b.y0 / cell); cy <= Math.floor(b.y1 / cell); cy++) {
        const list = grid.get(key(cx, cy));
        if (list) list.push(b);
        else grid.set(key(cx, cy), [b]);
      }
  return (r) => {
    for (let cx = Math.floor(r.x0 / cell); cx <= Math.floor(r.x1 / cell); cx++)
      for (let cy = Math.floor(r.y0 / cell); cy <= Math.floor(r.y1 / cell); cy++)
        for (const o of grid.get(key(cx, cy)) ?? []) if (Math.min(o.x1, r.x1) > Math.max(o.x0, r.x0) && Math.min(o.y1, r.y1) > Math.max(o.y0, r.y0)) return true;
    return false;
  };
}

/** Where along its edge (from the input up) a shape label goes: mid-edge, or the nearest point
 *  where it covers no node nor the badges on a node's border (`blocked`); mid-edge if none is clear.
 *  Each label is placed on its own, so it does not move when other edges come or go. */
export function shapeLabelT(route: readonly Point[], text: string, blocked: (box: Box) => boolean): number {
  for (const t of SHAPE_T) if (!blocked(shapeLabelBox(pointAlong(route, t), text))) return t;
  return 0.5;
}

/** Where the shape labels of the edges with one sit (shapeLabelT), for the edges touching the nodes
 *  `near` (those on screen), off the rooms of those nodes. */
export function shapeLabelTs(
  edges: readonly { e: { source: number; target: number; shape: number[] | null }; key: string }[],
  shapeKeys: ReadonlySet<string>,
  placed: { positions: ReadonlyMap<number, NodeSpot>; routeOf: (source: number, target: number) => Point[] },
  near: ReadonlySet<number>,
): Map<string, number> {
  const out = new Map<string, number>();
  const blocked = boxIndex([...near].flatMap((id) => (placed.positions.has(id) ? [nodeRoom(placed.positions.get(id) as NodeSpot, false)] : [])));
  for (const { e, key } of edges)
    if (e.shape && shapeKeys.has(key) && (near.has(e.source) || near.has(e.target))) out.set(key, shapeLabelT(placed.routeOf(e.source, e.target), formatShape(e.shape), blocked));
  return out;
}
