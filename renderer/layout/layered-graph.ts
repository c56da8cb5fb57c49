// The proper layered graph: real nodes plus dummies where long edges cross layers, bundled so that a
// node feeding every layer (fan-out) or fed from every layer (fan-in) costs one dummy per layer.

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

/** Dummies allowed per node and edge of the graph. Bundles keep fan-out and fan-in linear; what
 *  would still exceed this (many unrelated edges each spanning most of a deep graph) is drawn
 *  straight, without dummies, longest first, so a layout's work stays linear in the graph. */
export const DUMMY_BUDGET_PER_ELEMENT = 8;

interface Plan {
  /** fan-out (shared by the long edges out of `owner`), fan-in (into `owner`), or one edge's own */
  kind: "out" | "in" | "own";
  /** the input of a fan-out bundle, the output of a fan-in or own one */
  owner: number;
  /** lowest and highest layer the bundle runs through */
  low: number;
  high: number;
  /** distinct long pairs (input * n + output) it carries */
  pairs: number[];
}

/**
 * Every long edge (spanning more than one layer) runs through a bundle: the fan-out bundle of its
 * input when that input has two or more long edges out, else the fan-in bundle of its output when
 * that output has two or more of the remaining long edges in, else a bundle of its own. A bundle
 * has one dummy per layer it crosses, and edges join or leave it at the layer next to their end.
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
  const unrouted = new Set<number>();

  const link = (lo: number, hi: number, weight: number): void => {
    up[lo].push(hi);
    upWeight[lo].push(weight);
    down[hi].push(lo);
    downWeight[hi].push(weight);
  };
  const multiplicity = (s: number, t: number): number => index.multiplicity.get(s * n + t) ?? 1;

  const longOut = new Int32Array(n);
  for (let s = 0; s < n; s++)
    for (const t of index.outputs[s]) if (layer[t] - layer[s] > 1) longOut[s]++;
  const longIn = new Int32Array(n);
  for (let s = 0; s < n; s++)
    for (const t of index.outputs[s]) if (layer[t] - layer[s] > 1 && longOut[s] < 2) longIn[t]++;

  const plans: Plan[] = [];
  const fanOut = new Map<number, Plan>();
  const fanIn = new Map<number, Plan>();
  for (let s = 0; s < n; s++) {
    for (const t of index.outputs[s]) {
      if (layer[t] - layer[s] <= 1) {
        link(s, t, WEIGHT_REAL * multiplicity(s, t));
        continue;
      }
      const pair = s * n + t;
      let plan: Plan | undefined;
      if (longOut[s] >= 2) {
        plan = fanOut.get(s);
        if (!plan) fanOut.set(s, (plan = newPlan(plans, "out", s)));
      } else if (longIn[t] >= 2) {
        plan = fanIn.get(t);
        if (!plan) fanIn.set(t, (plan = newPlan(plans, "in", t)));
      } else {
        plan = newPlan(plans, "own", t);
      }
      plan.low = Math.min(plan.low, layer[s] + 1);
      plan.high = Math.max(plan.high, layer[t] - 1);
      plan.pairs.push(pair);
    }
  }

  // Over budget (rare: unrelated long edges stacked deep), the costliest bundles go unrouted.
  const budget = DUMMY_BUDGET_PER_ELEMENT * (n + index.multiplicity.size);
  let total = 0;
  for (const plan of plans) total += plan.high - plan.low + 1;
  if (total > budget) {
    const costliest = plans.slice().sort((a, b) => b.high - b.low - (a.high - a.low));
    for (const plan of costliest) {
      if (total <= budget) break;
      total -= plan.high - plan.low + 1;
      plan.high = plan.low - 1;
      for (const pair of plan.pairs) unrouted.add(pair);
      plan.pairs.length = 0;
    }
  }

  for (const plan of plans) {
    if (plan.pairs.length === 0) continue;
    // Each dummy takes the creation key of the lowest node its bundle leads to from there up.
    const leadsTo = new Array<number>(plan.high - plan.low + 1).fill(-1);
    for (const pair of plan.pairs) {
      const t = pair % n;
      const at = layer[t] - 1 - plan.low;
      if (leadsTo[at] < 0 || keys[t] < keys[leadsTo[at]]) leadsTo[at] = t;
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
      if (ids.length > 0) link(ids[ids.length - 1], d, WEIGHT_DUMMY * plan.pairs.length);
      ids.push(d);
    }
    const bundle: Bundle = { base: plan.low, ids };
    // A fan-out bundle leaves its input once, a fan-in bundle enters its output once.
    if (plan.kind === "out") link(plan.owner, ids[0], WEIGHT_MIXED);
    if (plan.kind === "in") link(ids[ids.length - 1], plan.owner, WEIGHT_MIXED);
    for (const pair of plan.pairs) {
      const s = Math.floor(pair / n);
      const t = pair % n;
      const m = multiplicity(s, t);
      if (plan.kind !== "out") link(s, ids[layer[s] + 1 - plan.low], WEIGHT_MIXED * m);
      if (plan.kind !== "in") link(ids[layer[t] - 1 - plan.low], t, WEIGHT_MIXED * m);
      bundles.set(pair, bundle);
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

function newPlan(plans: Plan[], kind: Plan["kind"], owner: number): Plan {
  const plan: Plan = { kind, owner, low: Infinity, high: -Infinity, pairs: [] };
  plans.push(plan);
  return plan;
}
