// Properties every drawn layout must have, as finders of violations so a failing test names them.

import type { LayoutGraph, NodePlacement } from "../../../renderer/layout/types.ts";

/** Pairs of nodes whose boxes intersect (touching edges allowed). Sweep over x so MLPs stay quick. */
export function overlappingPairs(positions: Map<number, NodePlacement>): [number, number][] {
  const boxes = [...positions].map(([id, p]) => ({
    id,
    left: p.x - p.width / 2,
    right: p.x + p.width / 2,
    top: p.y - p.height / 2,
    bottom: p.y + p.height / 2,
  }));
  boxes.sort((a, b) => a.left - b.left);
  const found: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j].left < boxes[i].right; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.top < b.bottom && b.top < a.bottom) found.push([a.id, b.id]);
    }
  }
  return found;
}

/** Edges not drawn from a lower layer (below, larger y) to a higher one. */
export function downwardEdges(graph: LayoutGraph, positions: Map<number, NodePlacement>): string[] {
  const bad: string[] = [];
  for (const { source, target } of graph.edges) {
    const s = positions.get(source);
    const t = positions.get(target);
    if (!s || !t || !(s.layer < t.layer) || !(s.y > t.y)) bad.push(`${source}->${target}`);
  }
  return bad;
}
