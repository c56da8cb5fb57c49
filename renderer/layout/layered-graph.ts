// The proper layered graph: real nodes plus one dummy per layer crossed by a long edge.

import type { GraphIndex } from "./graph-index.ts";

export interface LayeredGraph {
  /** vertices 0..realCount-1 are the graph's nodes (by index), the rest dummies */
  realCount: number;
  layer: number[];
  /** neighbours one layer down / up, with the weight of the connecting segment */
  down: number[][];
  up: number[][];
  downWeight: number[][];
  upWeight: number[][];
  width: number[];
  /** creation key for ordering ties: a node's own; a dummy takes its edge's target's */
  key: number[];
  /** for each distinct (input, output) pair, the dummies from bottom to top, keyed input * n + output */
  chains: Map<number, number[]>;
  layerCount: number;
}

/** Segment weights as in Gansner et al.: straight long edges matter most. */
const WEIGHT_REAL = 1;
const WEIGHT_MIXED = 2;
const WEIGHT_DUMMY = 8;

export function buildLayeredGraph(
  index: GraphIndex,
  layerOf: number[],
  keys: number[],
  dummyWidth: number,
): LayeredGraph {
  const n = index.nodes.length;
  const layer = layerOf.slice();
  const width = index.nodes.map((node) => node.width);
  const key = keys.slice();
  const down: number[][] = Array.from({ length: n }, () => []);
  const up: number[][] = Array.from({ length: n }, () => []);
  const downWeight: number[][] = Array.from({ length: n }, () => []);
  const upWeight: number[][] = Array.from({ length: n }, () => []);
  const chains = new Map<number, number[]>();

  const link = (lo: number, hi: number, weight: number): void => {
    up[lo].push(hi);
    upWeight[lo].push(weight);
    down[hi].push(lo);
    downWeight[hi].push(weight);
  };

  for (let s = 0; s < n; s++) {
    for (const t of index.outputs[s]) {
      const multiplicity = index.multiplicity.get(s * n + t) ?? 1;
      const span = layer[t] - layer[s];
      if (span <= 1) {
        link(s, t, WEIGHT_REAL * multiplicity);
        continue;
      }
      const chain: number[] = [];
      let prev = s;
      for (let l = layer[s] + 1; l < layer[t]; l++) {
        const d = layer.length;
        layer.push(l);
        width.push(dummyWidth);
        key.push(keys[t]);
        down.push([]);
        up.push([]);
        downWeight.push([]);
        upWeight.push([]);
        link(prev, d, (prev === s ? WEIGHT_MIXED : WEIGHT_DUMMY) * multiplicity);
        chain.push(d);
        prev = d;
      }
      link(prev, t, WEIGHT_MIXED * multiplicity);
      chains.set(s * n + t, chain);
    }
  }
  let layerCount = 0;
  for (const l of layer) layerCount = Math.max(layerCount, l + 1);
  return { realCount: n, layer, down, up, downWeight, upWeight, width, key, chains, layerCount };
}
