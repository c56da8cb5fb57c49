// Layer assignment: each node one layer above its highest input, then raised where that shortens its edges.

import type { GraphIndex } from "./graph-index.ts";

/**
 * Layers from the graph's depth. First the longest path from the leaves, which is what an append
 * can compute the moment an op arrives. Then, top-down, a node is raised to just below its lowest
 * consumer when it has at least as many output edges as input edges from non-leaf nodes (leaf
 * inputs follow it up): raising it shortens the outputs by as much as it stretches the inputs.
 * So a weight's AccumulateGrad sits under the op that uses it, a product under the sum that takes
 * it, and a tanh feeding a whole next layer rises to meet it while its own sum chain stays put,
 * which is what Graphviz's network simplex finds on these graphs, for far less work.
 */
export function assignLayers(index: GraphIndex): number[] {
  const { inputs, outputs, topo, multiplicity } = index;
  const n = inputs.length;
  const layer = new Array<number>(n).fill(0);
  for (const v of topo) {
    let depth = 0;
    for (const u of inputs[v]) depth = Math.max(depth, layer[u] + 1);
    layer[v] = depth;
  }
  for (let k = topo.length - 1; k >= 0; k--) {
    const v = topo[k];
    if (outputs[v].length === 0) continue;
    let lowest = Infinity;
    let outCount = 0;
    for (const w of outputs[v]) {
      lowest = Math.min(lowest, layer[w]);
      outCount += multiplicity.get(v * n + w) ?? 1;
    }
    let inCount = 0;
    for (const u of inputs[v])
      if (inputs[u].length > 0) inCount += multiplicity.get(u * n + v) ?? 1;
    if (outCount >= inCount) layer[v] = lowest - 1;
  }
  let floor = Infinity;
  for (const l of layer) floor = Math.min(floor, l);
  return floor > 0 ? layer.map((l) => l - floor) : layer;
}
