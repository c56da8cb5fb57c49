// The proper layered graph: real nodes plus dummies where long edges cross layers, bundled where a
// node feeding every layer (fan-out) or fed from every layer (fan-in) would make them quadratic.

import { planBundles, type Plan } from "./bundles.ts";
import type { GraphIndex } from "./graph-index.ts";

/** Dummies of one line through consecutive layers, bottom up: ids[i] sits in layer base + i. */
export interface Bundle {
  base: number;
  ids: number[];
}

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
  /** creation key for ordering ties: a node's own; a dummy takes the key of the node it leads to */
  key: number[];
  /** for each distinct long (input, output) pair, keyed input * n + output: the bundle it runs
   *  through, from the layer above the input to the layer below the output */
  bundles: Map<number, Bundle>;
  /** long pairs (same keys) drawn without dummies: only when bundling left too many (see budget) */
  unrouted: Set<number>;
  layerCount: number;
}

/** Segment weights as in Gansner et al.: straight long edges matter most. */
const WEIGHT_REAL = 1;
const WEIGHT_MIXED = 2;
const WEIGHT_DUMMY = 8;

/** Dummies allowed per node and edge of the graph: past it edges are bundled, then drawn
 *  straight (bundles.ts), so a layout's work stays linear in the graph. */
export const DUMMY_BUDGET_PER_ELEMENT = 8;

/**
 * Every long edge (spanning more than one layer) runs through a bundle of dummies, one per layer
 * it crosses (bundles.ts decides which edges share one). Edges join or leave a bundle at the layer
 * next to their end.
 */
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
  const bundles = new Map<number, Bundle>();

  const link = (lo: number, hi: number, weight: number): void => {
    up[lo].push(hi);
    upWeight[lo].push(weight);
    down[hi].push(lo);
    downWeight[hi].push(weight);
  };
  const multiplicity = (s: number, t: number): number => index.multiplicity.get(s * n + t) ?? 1;

  const { planOf, unrouted } = planBundles(
    index,
    layer,
    DUMMY_BUDGET_PER_ELEMENT * (n + index.multiplicity.size),
  );
  const made = new Map<Plan, Bundle>();
  /** The plan's dummies, linked bottom to top (and to a fan's own end), made when first needed. */
  const bundleOf = (plan: Plan): Bundle => {
    let bundle = made.get(plan);
    if (bundle) return bundle;
    // Each dummy takes the creation key of the lowest node its bundle leads to from there up.
    const leadsTo = new Array<number>(plan.high - plan.low + 1).fill(-1);
    let carried = 0;
    for (const pair of plan.pairs) {
      const t = pair % n;
      const at = layer[t] - 1 - plan.low;
      if (leadsTo[at] < 0 || keys[t] < keys[leadsTo[at]]) leadsTo[at] = t;
      carried += multiplicity(Math.floor(pair / n), t);
    }
    for (let i = leadsTo.length - 2; i >= 0; i--) if (leadsTo[i] < 0) leadsTo[i] = leadsTo[i + 1];
    const ids: number[] = [];
    for (let l = plan.low; l <= plan.high; l++) {
      const d = layer.length;
      layer.push(l);
      width.push(dummyWidth);
      key.push(keys[leadsTo[l - plan.low] < 0 ? plan.owner : leadsTo[l - plan.low]]);
      down.push([]);
      up.push([]);
      downWeight.push([]);
      upWeight.push([]);
      // a bundle is as stiff as all its edges together, so the edges leaving it do not bend it
      if (ids.length > 0) link(ids[ids.length - 1], d, WEIGHT_DUMMY * carried);
      ids.push(d);
    }
    bundle = { base: plan.low, ids };
    made.set(plan, bundle);
    // a fan-out bundle leaves its input once, a fan-in bundle enters its output once
    if (plan.kind === "out") link(plan.owner, ids[0], WEIGHT_MIXED);
    if (plan.kind === "in") link(ids[ids.length - 1], plan.owner, WEIGHT_MIXED);
    return bundle;
  };

  // edges in the graph's order, so each vertex lists its neighbours in creation order
  for (let s = 0; s < n; s++) {
    for (const t of index.outputs[s]) {
      const m = multiplicity(s, t);
      if (layer[t] - layer[s] <= 1) {
        link(s, t, WEIGHT_REAL * m);
        continue;
      }
      const plan = planOf.get(s * n + t);
      if (!plan) continue;
      const bundle = bundleOf(plan);
      if (plan.kind !== "out") link(s, bundle.ids[layer[s] + 1 - plan.low], WEIGHT_MIXED * m);
      if (plan.kind !== "in") link(bundle.ids[layer[t] - 1 - plan.low], t, WEIGHT_MIXED * m);
      bundles.set(s * n + t, bundle);
    }
  }
  let layerCount = 0;
  for (const l of layer) layerCount = Math.max(layerCount, l + 1);
  return {
    realCount: n,
    layer,
    down,
    up,
    downWeight,
    upWeight,
    width,
    key,
    bundles,
    unrouted,
    layerCount,
  };
}
