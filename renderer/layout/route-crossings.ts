// Edge crossings of a drawn layout, measured from node positions and edge routes (used to compare layouts).

import { countSegmentCrossings } from "./bilayer-crossings.ts";
import type { Point } from "./types.ts";

export interface DrawnNode {
  x: number;
  y: number;
}

export interface DrawnEdge {
  source: number;
  target: number;
  /** the route as drawn, source end first; may be empty for a straight edge */
  points: Point[];
}

/**
 * The layers are the distinct y of the node centres. Each edge is followed from its source's
 * centre through its route to its target's centre; where it crosses the line of each layer it
 * spans, its x is read off. Between every two consecutive layers, two edges cross when their
 * order on the lower line and on the upper line differ (edges sharing an end do not cross).
 * Any layout, ours or Graphviz's, is measured the same way.
 */
export function countRouteCrossings(nodes: Map<number, DrawnNode>, edges: DrawnEdge[]): number {
  const levels = Array.from(new Set([...nodes.values()].map((p) => roundY(p.y)))).sort(
    (a, b) => a - b,
  );
  const levelIndex = new Map<number, number>();
  levels.forEach((y, i) => levelIndex.set(y, i));
  const lower: number[][] = levels.map(() => []);
  const upper: number[][] = levels.map(() => []);
  for (const edge of edges) {
    const s = nodes.get(edge.source);
    const t = nodes.get(edge.target);
    if (!s || !t) continue;
    let polyline: Point[] = [[s.x, s.y], ...edge.points, [t.x, t.y]];
    let a = levelIndex.get(roundY(s.y)) as number;
    let b = levelIndex.get(roundY(t.y)) as number;
    if (a === b) continue;
    if (a > b) {
      [a, b] = [b, a];
      polyline = polyline.slice().reverse();
    }
    let previous = xAt(polyline, levels[a]);
    for (let k = a; k < b; k++) {
      const next = k + 1 === b ? polyline[polyline.length - 1][0] : xAt(polyline, levels[k + 1]);
      lower[k].push(roundX(previous));
      upper[k].push(roundX(next));
      previous = next;
    }
  }
  let total = 0;
  for (let k = 0; k < levels.length; k++) total += countSegmentCrossings(lower[k], upper[k]);
  return total;
}

/** x where the polyline (running towards larger y) first reaches height y. */
function xAt(polyline: Point[], y: number): number {
  if (y <= polyline[0][1]) return polyline[0][0];
  for (let i = 0; i + 1 < polyline.length; i++) {
    const [x0, y0] = polyline[i];
    const [x1, y1] = polyline[i + 1];
    if ((y0 <= y && y <= y1) || (y1 <= y && y <= y0))
      return y1 === y0 ? x1 : x0 + ((y - y0) / (y1 - y0)) * (x1 - x0);
  }
  return polyline[polyline.length - 1][0];
}

function roundY(y: number): number {
  return Math.round(y * 100) / 100;
}

function roundX(x: number): number {
  return Math.round(x * 100) / 100;
}
