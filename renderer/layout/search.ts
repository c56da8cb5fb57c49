// Search by variable name or op name: ranked hits, best first, creation order among equals.

import type { LayoutGraph } from "./types.ts";

export interface SearchHit {
  id: number;
  /** what matched: a Python variable name bound to the node's tensor, or the node's label */
  field: "name" | "label";
  text: string;
  /** 0 exact, 1 exact op name without "Backward<n>", 2 prefix, 3 substring */
  rank: number;
}

/** Case-insensitive: "w1" finds the node named w1, "mul" finds every MulBackward0, "tanh" TanhBackward0. */
export function searchNodes(graph: LayoutGraph, query: string, limit = Infinity): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [];
  const hits: { hit: SearchHit; order: number }[] = [];
  graph.nodes.forEach((node, i) => {
    let best: SearchHit | null = null;
    const consider = (field: SearchHit["field"], text: string): void => {
      const rank = matchRank(text, q, field === "label");
      if (rank !== null && (best === null || rank < best.rank))
        best = { id: node.id, field, text, rank };
    };
    for (const name of node.names ?? []) consider("name", name);
    consider("label", node.label);
    if (best !== null) hits.push({ hit: best, order: node.order ?? i });
  });
  hits.sort((a, b) => a.hit.rank - b.hit.rank || a.order - b.order);
  return hits.slice(0, limit).map((entry) => entry.hit);
}

function matchRank(text: string, q: string, isOpName: boolean): number | null {
  const t = text.toLowerCase();
  if (t === q) return 0;
  if (isOpName && t.replace(/backwards?\d*$/, "") === q) return 1;
  if (t.startsWith(q)) return 2;
  if (t.includes(q)) return 3;
  return null;
}
