// Where edge labels go so they do not cover each other: one shape label per source tensor, and
// gradient pills slid along their edges until they clear the pills already placed.

import type { Point } from "../../layout/types.ts";
import { pointAlong } from "./graphLayout.ts";
import { monoWidth, TEXT_MAIN } from "./textScale.ts";

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

/**
 * For each pill, the fraction along its edge where it overlaps the pills placed before it least (by area)
 * (greedy, in the given order; a grid of cells keeps it linear for thousands of pills).
 */
export function placePills(requests: readonly PillRequest[], obstacles: readonly Box[] = [], cell = 120): Map<string, number> {
  const out = new Map<string, number>();
  const grid = new Map<string, Box[]>();
  const cells = (x0: number, y0: number, x1: number, y1: number): string[] => {
    const keys: string[] = [];
    for (let cx = Math.floor(x0 / cell); cx <= Math.floor(x1 / cell); cx++)
      for (let cy = Math.floor(y0 / cell); cy <= Math.floor(y1 / cell); cy++) keys.push(`${cx},${cy}`);
    return keys;
  };
  const add = (box: Box): void => {
    for (const k of cells(box.x0, box.y0, box.x1, box.y1)) {
      const list = grid.get(k);
      if (list) list.push(box);
      else grid.set(k, [box]);
    }
  };
  // node boxes count too, so a pill does not cover a node's name
  obstacles.forEach(add);
  for (const r of requests) {
    let best = CANDIDATES[0];
    let bestHits = Infinity;
    let bestBox = null as { x0: number; y0: number; x1: number; y1: number } | null;
    for (const t of CANDIDATES) {
      const [x, y] = pointAlong(r.down, t);
      const h = r.height ?? GRAD_PILL_HEIGHT;
      const box = { x0: x - r.width / 2 - 2, y0: y - h / 2 - 1, x1: x + r.width / 2 + 2, y1: y + h / 2 + 1 };
      let hits = 0;
      for (const k of cells(box.x0, box.y0, box.x1, box.y1))
        for (const o of grid.get(k) ?? [])
          hits += Math.max(0, Math.min(o.x1, box.x1) - Math.max(o.x0, box.x0)) * Math.max(0, Math.min(o.y1, box.y1) - Math.max(o.y0, box.y0));
      if (hits < bestHits) {
        best = t;
        bestHits = hits;
        bestBox = box;
      }
      if (hits === 0) break;
    }
    out.set(r.key, best);
    if (bestBox) add(bestBox);
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

/** placePills that hands back last result when the same pills on the same routes come again (most steps). */
export function createPillPlacer(): { place(requests: readonly PillRequest[], obstacles?: readonly Box[]): Map<string, number> } {
  let sig = "";
  let last = new Map<string, number>();
  return {
    place(requests, obstacles = []) {
      const next = `${obstacles.length}|${requests.map((r) => `${r.key}:${r.width}x${r.height ?? ""}:${r.down[0]?.join(",")}:${r.down.at(-1)?.join(",")}`).join("|")}`;
      if (next !== sig) {
        sig = next;
        last = placePills(requests, obstacles);
      }
      return last;
    },
  };
}
