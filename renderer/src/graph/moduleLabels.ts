// Where each torch.nn module box's name goes: a tab on the box's top border (or, failing that, its
// bottom border), slid sideways to the first spot that covers no node, no shape label on an edge,
// no other module's tab, and crosses as few edges as it can. Placed once per placement, not per
// zoom, so a tab never jumps while the learner zooms.

import type { Point } from "../../layout/types.ts";
import { formatShape } from "../lib/format.ts";
import type { EdgeEntry } from "./edgeEntries.ts";
import { pointAlong, type Placed } from "./graphLayout.ts";
import type { GraphModel } from "./graphModel.ts";
import { boxIndex, nodeRoom, shapeLabelBox, shapeLabelT, type Box, type NodeSpot } from "./labelPlacement.ts";
import type { ModuleBox } from "./moduleGroups.ts";
import { monoWidth, TEXT_MAIN } from "./textScale.ts";

/** The tab's font size (graph units): a module's name reads like a node's name */
export const MODULE_LABEL_SIZE = TEXT_MAIN;
export const MODULE_TAB_HEIGHT = 18;
const TAB_PAD_X = 6;
/** how far a tab may stick out past the box's side, and the sideways step between tries */
const OVERHANG = 0.6;
const STEP = 12;
const CELL = 96;

export interface ModuleTab {
  /** the tab's box; its text starts TAB_PAD_X in and sits on its middle */
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

/** a box's name, with the fold control where a click folds it (not in an exported picture) */
export const tabText = (label: string, foldable = true): string => (foldable ? `${label} ▾` : label);
export const tabWidth = (label: string, foldable = true): number => monoWidth(tabText(label, foldable).length, MODULE_LABEL_SIZE) + 2 * TAB_PAD_X;
export const TAB_TEXT_DX = TAB_PAD_X;

export interface TabObstacles {
  /** node boxes (centre and size, as the layout places them) */
  nodes: Iterable<NodeSpot>;
  /** texts drawn on edges (shape labels) */
  texts: Iterable<Box>;
  /** edges' routes */
  routes: Iterable<readonly Point[]>;
}

const overlapArea = (a: Box, b: Box): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Whether segment p-q passes through box r (Liang–Barsky clipping). */
export function segmentHits(p: Point, q: Point, r: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  for (const [num, den] of [
    [p[0] - r.x0, -dx],
    [r.x1 - p[0], dx],
    [p[1] - r.y0, -dy],
    [r.y1 - p[1], dy],
  ]) {
    if (den === 0) {
      if (num < 0) return false;
      continue;
    }
    const t = num / den;
    if (den < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Candidate tabs for a box, best first: along the top border from the left, then the bottom border. */
function candidates(b: ModuleBox, foldable: boolean): Box[] {
  const w = tabWidth(b.label, foldable);
  const h = MODULE_TAB_HEIGHT;
  const out: Box[] = [];
  const from = b.x0 - w * OVERHANG;
  const to = b.x1 - w * (1 - OVERHANG);
  for (const y of [b.y0, b.y1]) {
    const xs = [b.x0 + 8];
    for (let x = b.x0 + 8 + STEP; x <= to; x += STEP) xs.push(x);
    for (let x = b.x0 + 8 - STEP; x >= from; x -= STEP) xs.push(x);
    for (const x of xs) out.push({ x0: x, y0: y - h / 2, x1: x + w, y1: y + h / 2 });
  }
  return out;
}

/**
 * A tab for every box (outermost first, as moduleBoxes lists them): the first candidate that covers
 * no node or text and crosses the fewest edges; where every candidate covers something, the one
 * covering least.
 */
export function placeModuleTabs(boxes: readonly ModuleBox[], obstacles: TabObstacles, foldable = true): Map<number, ModuleTab> {
  const out = new Map<number, ModuleTab>();
  if (boxes.length === 0) return out;
  // only the strips the tabs may take are indexed: a big graph with a few modules stays cheap
  const wanted = new Set<number>();
  const key = (cx: number, cy: number): number => cx * 1_000_003 + cy;
  const eachCell = (r: Box, f: (k: number) => void): void => {
    for (let cx = Math.floor(r.x0 / CELL); cx <= Math.floor(r.x1 / CELL); cx++) for (let cy = Math.floor(r.y0 / CELL); cy <= Math.floor(r.y1 / CELL); cy++) f(key(cx, cy));
  };
  const tries = boxes.map((b) => candidates(b, foldable));
  for (const list of tries) for (const c of list) eachCell(c, (k) => wanted.add(k));
  const solid = new Map<number, Box[]>();
  const lines = new Map<number, [Point, Point][]>();
  const put = <T>(grid: Map<number, T[]>, r: Box, item: T): void =>
    eachCell(r, (k) => {
      if (!wanted.has(k)) return;
      const list = grid.get(k);
      if (list) list.push(item);
      else grid.set(k, [item]);
    });
  for (const n of obstacles.nodes) {
    const r = nodeRoom(n);
    put(solid, r, r);
  }
  for (const t of obstacles.texts) put(solid, t, t);
  for (const route of obstacles.routes)
    for (let i = 1; i < route.length; i++) {
      const [p, q] = [route[i - 1], route[i]];
      put(lines, { x0: Math.min(p[0], q[0]), y0: Math.min(p[1], q[1]), x1: Math.max(p[0], q[0]), y1: Math.max(p[1], q[1]) }, [p, q] as [Point, Point]);
    }
  boxes.forEach((b, i) => {
    let best: Box | null = null;
    let bestCover = Infinity;
    let bestCross = Infinity;
    for (const c of tries[i]) {
      const seen = new Set<Box | [Point, Point]>();
      let cover = 0;
      let cross = 0;
      eachCell(c, (k) => {
        for (const o of solid.get(k) ?? [])
          if (!seen.has(o)) {
            seen.add(o);
            cover += overlapArea(o, c);
          }
        for (const s of lines.get(k) ?? [])
          if (!seen.has(s)) {
            seen.add(s);
            if (segmentHits(s[0], s[1], c)) cross++;
          }
      });
      if (cover < bestCover || (cover === bestCover && cross < bestCross)) {
        best = c;
        bestCover = cover;
        bestCross = cross;
      }
      if (cover === 0 && cross === 0) break;
    }
    if (!best) return;
    out.set(b.id, { x: best.x0, y: best.y0, width: best.x1 - best.x0, height: best.y1 - best.y0, text: tabText(b.label, foldable) });
    // the next tabs keep clear of this one
    put(solid, best, best);
  });
  return out;
}

/** The tabs of a scene's module boxes, clear of its nodes, its shape labels where they sit and its edges. */
export function sceneTabs(
  boxes: readonly ModuleBox[],
  model: GraphModel,
  placed: Placed,
  edges: readonly EdgeEntry[],
  shapeKeys: ReadonlySet<string>,
  foldable: boolean,
): Map<number, ModuleTab> {
  if (boxes.length === 0) return new Map();
  const leaves = new Set(model.nodes.filter((n) => n.kind === "leaf").map((n) => n.id));
  const blocked = boxIndex([...placed.positions.values()].map((p) => nodeRoom(p, false)));
  const texts: Box[] = [];
  for (const { e, key } of edges) {
    if (!e.shape || !shapeKeys.has(key)) continue;
    const route = placed.routeOf(e.source, e.target);
    const text = formatShape(e.shape);
    texts.push(shapeLabelBox(pointAlong(route, shapeLabelT(route, text, blocked)), text));
  }
  return placeModuleTabs(boxes, {
    nodes: [...placed.positions].map(([id, p]) => ({ x: p.x, y: p.y, width: p.width, height: p.height, leaf: leaves.has(id) })),
    texts,
    routes: edges.map(({ e }) => placed.routeOf(e.source, e.target)),
  }, foldable);
}

/** The boxes whose drawn ops all belong to a freed graph (they fade with it). */
export function freedBoxIds(boxes: readonly ModuleBox[], model: GraphModel): Set<number> {
  if (boxes.length === 0) return new Set();
  const freed = new Map(model.nodes.map((n) => [n.id, n.freed != null]));
  return new Set(boxes.filter((b) => b.members.some((m) => freed.get(m)) && b.members.every((m) => freed.get(m) !== false)).map((b) => b.id));
}
