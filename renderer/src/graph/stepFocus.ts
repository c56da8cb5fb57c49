// What the current step touches in the graph, for Fit and for keeping it in view while stepping:
// nodes born now, the node running, where a gradient arrives or is summed, stored or returned,
// a version bumped, a graph freed, a tangent set, the node an error blames. Pure.

import type { Bounds, NodePlacement } from "../../layout/types.ts";
import type { GraphModel, GraphNodeView } from "./graphModel.ts";

function touched(n: GraphNodeView, step: number): boolean {
  return (
    n.bornAt === step ||
    n.status === "executing" ||
    n.error ||
    n.versionNow ||
    !!n.accumulation?.now ||
    !!n.sum?.now ||
    !!n.result?.now ||
    !!n.freed?.now ||
    !!n.tangent?.now
  );
}

/** Ids of the nodes the step at `step` touches (with both ends of an edge a gradient travels now). */
export function stepFocus(model: GraphModel, step: number): number[] {
  const ids = new Set<number>();
  for (const n of model.nodes) if (touched(n, step)) ids.add(n.id);
  for (const e of model.edges)
    if (e.gradNow) {
      ids.add(e.source);
      ids.add(e.target);
    }
  return [...ids];
}

/** The box around the given nodes' placements, or null when none is placed. */
export function boundsOfNodes(ids: readonly number[], positions: ReadonlyMap<number, NodePlacement>): Bounds | null {
  let b: Bounds | null = null;
  for (const id of ids) {
    const p = positions.get(id);
    if (!p) continue;
    const x0 = p.x - p.width / 2;
    const x1 = p.x + p.width / 2;
    const y0 = p.y - p.height / 2;
    const y1 = p.y + p.height / 2;
    b = b ? { minX: Math.min(b.minX, x0), minY: Math.min(b.minY, y0), maxX: Math.max(b.maxX, x1), maxY: Math.max(b.maxY, y1) } : { minX: x0, minY: y0, maxX: x1, maxY: y1 };
  }
  return b;
}

export type Corner = "bottom-right" | "bottom-left" | "top-left" | "top-right";

/** Where the minimap goes in a pane of w x h so it does not cover `avoid` (screen rectangles): the
 *  first clear corner, else the one that covers least of them (null with `strict`: none is clear). */
export function minimapCorner(w: number, h: number, mw: number, mh: number, avoid: readonly Bounds[], margin?: number): Corner;
export function minimapCorner(w: number, h: number, mw: number, mh: number, avoid: readonly Bounds[], margin: number, strict: true): Corner | null;
export function minimapCorner(w: number, h: number, mw: number, mh: number, avoid: readonly Bounds[], margin = 8, strict = false): Corner | null {
  const rects: Record<Corner, Bounds> = {
    "bottom-right": { minX: w - mw - margin, minY: h - mh - margin, maxX: w - margin, maxY: h - margin },
    "bottom-left": { minX: margin, minY: h - mh - margin, maxX: margin + mw, maxY: h - margin },
    "top-left": { minX: margin, minY: margin, maxX: margin + mw, maxY: margin + mh },
    "top-right": { minX: w - mw - margin, minY: margin, maxX: w - margin, maxY: margin + mh },
  };
  const covered = (r: Bounds) =>
    avoid.reduce((sum, a) => sum + Math.max(0, Math.min(a.maxX, r.maxX) - Math.max(a.minX, r.minX)) * Math.max(0, Math.min(a.maxY, r.maxY) - Math.max(a.minY, r.minY)), 0);
  const corners = Object.keys(rects) as Corner[];
  const clear = corners.find((c) => covered(rects[c]) === 0);
  if (clear || strict) return clear ?? null;
  return corners.reduce((best, c) => (covered(rects[c]) < covered(rects[best]) ? c : best));
}
