// Horizontal coordinates: short, straight edges by repeated per-layer least squares under the ordering.

import type { LayeredGraph } from "./layered-graph.ts";
import type { LayerOrder } from "./ordering.ts";
import type { Work } from "./work.ts";

/** A vertex with no neighbours barely resists being pushed, and otherwise stays put. */
const ANCHOR_WEIGHT = 0.01;

/**
 * Each round visits the layers bottom-up then top-down; for each layer it finds the x that
 * minimise the weighted squared horizontal length of the vertex's edges (its neighbours held
 * fixed), subject to the layer's order and spacing. That constrained problem is an isotonic
 * regression, solved exactly by pool-adjacent-violators, so a layer costs linear time and the
 * rounds steadily lower the total (Gauss-Seidel). Dummy segments weigh most, so long edges straighten.
 */
export function assignX(
  graph: LayeredGraph,
  layers: LayerOrder,
  nodeSep: number,
  rounds: number,
  work: Work = { count: 0 },
): Float64Array {
  const x = new Float64Array(graph.layer.length);
  for (const list of layers) {
    let cursor = 0;
    for (let i = 0; i < list.length; i++) {
      if (i > 0) cursor += gap(graph, list[i - 1], list[i], nodeSep);
      x[list[i]] = cursor;
    }
    for (const v of list) x[v] -= cursor / 2;
  }
  const solver = new LayerSolver(graph.layer.length);
  let segments = 0;
  for (const ups of graph.up) segments += ups.length;
  work.count += rounds * 2 * (graph.layer.length + 2 * segments);
  for (let round = 0; round < rounds; round++) {
    for (let l = 0; l < layers.length; l++) solver.place(graph, layers[l], x, nodeSep);
    for (let l = layers.length - 1; l >= 0; l--) solver.place(graph, layers[l], x, nodeSep);
  }
  return x;
}

function gap(graph: LayeredGraph, left: number, right: number, nodeSep: number): number {
  return (graph.width[left] + graph.width[right]) / 2 + nodeSep;
}

class LayerSolver {
  private target: Float64Array;
  private weight: Float64Array;
  private offset: Float64Array;
  private blockStart: Int32Array;
  private blockWeight: Float64Array;
  private blockSum: Float64Array;

  constructor(capacity: number) {
    this.target = new Float64Array(capacity);
    this.weight = new Float64Array(capacity);
    this.offset = new Float64Array(capacity);
    this.blockStart = new Int32Array(capacity + 1);
    this.blockWeight = new Float64Array(capacity);
    this.blockSum = new Float64Array(capacity);
  }

  place(graph: LayeredGraph, list: number[], x: Float64Array, nodeSep: number): void {
    const m = list.length;
    const { target, weight, offset, blockStart, blockWeight, blockSum } = this;
    for (let i = 0; i < m; i++) {
      const v = list[i];
      let w = 0;
      let s = 0;
      const ups = graph.up[v];
      const upW = graph.upWeight[v];
      for (let k = 0; k < ups.length; k++) {
        w += upW[k];
        s += upW[k] * x[ups[k]];
      }
      const downs = graph.down[v];
      const downW = graph.downWeight[v];
      for (let k = 0; k < downs.length; k++) {
        w += downW[k];
        s += downW[k] * x[downs[k]];
      }
      if (w === 0) {
        w = ANCHOR_WEIGHT;
        s = w * x[v];
      }
      offset[i] = i === 0 ? 0 : offset[i - 1] + gap(graph, list[i - 1], v, nodeSep);
      target[i] = s / w - offset[i];
      weight[i] = w;
    }
    // Pool adjacent violators: blocks of equal shifted value, merged while their means decrease.
    let blocks = 0;
    for (let i = 0; i < m; i++) {
      blockStart[blocks] = i;
      blockWeight[blocks] = weight[i];
      blockSum[blocks] = weight[i] * target[i];
      blocks++;
      while (
        blocks > 1 &&
        blockSum[blocks - 2] / blockWeight[blocks - 2] >=
          blockSum[blocks - 1] / blockWeight[blocks - 1]
      ) {
        blockWeight[blocks - 2] += blockWeight[blocks - 1];
        blockSum[blocks - 2] += blockSum[blocks - 1];
        blocks--;
      }
    }
    blockStart[blocks] = m;
    for (let b = 0; b < blocks; b++) {
      const value = blockSum[b] / blockWeight[b];
      for (let i = blockStart[b]; i < blockStart[b + 1]; i++) x[list[i]] = value + offset[i];
    }
  }
}
