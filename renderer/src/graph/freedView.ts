// "Hide freed graphs": the model without the nodes CPython has freed (and the edges into them);
// the same model back when nothing is freed, so the common case costs a scan and no allocation.

import type { GraphModel } from "./graphModel.ts";

export function withoutFreed(model: GraphModel): GraphModel {
  if (!model.nodes.some((n) => n.freed)) return model;
  const nodes = model.nodes.filter((n) => !n.freed);
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes, edges: model.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}

/** withoutFreed that hands back last result while the model is the same object. */
export function createFreedFilter(): (model: GraphModel) => GraphModel {
  let last: { model: GraphModel; out: GraphModel } | null = null;
  return (model) => {
    if (last?.model !== model) last = { model, out: withoutFreed(model) };
    return last.out;
  };
}
