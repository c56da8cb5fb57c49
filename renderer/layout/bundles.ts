// Which long edges share a line of dummies. Each long edge alone costs a dummy per layer it
// crosses; that is what Graphviz does and it crosses least, so it is kept while the graph's
// dummies stay within a budget linear in its size. A node feeding every layer (`sum(x)`'s
// UnbindBackward0, a weight in a recurrent loop) or fed from every layer (`torch.stack` of every
// step) would make them quadratic: then the edges out of one node (fan-out) or into one node
// (fan-in) are bundled, largest saving first, until the budget holds; past that (unrelated long
// edges stacked deep) the longest bundles are left unrouted and drawn straight.

import type { GraphIndex } from "./graph-index.ts";

export interface Plan {
  /** shared by the long edges out of `owner`, into `owner`, or one edge's own (owner: its output) */
  kind: "out" | "in" | "own";
  owner: number;
  /** lowest and highest layer its dummies sit in */
  low: number;
  high: number;
  /** distinct long pairs (input * n + output) it carries */
  pairs: number[];
}

const cost = (plan: Plan): number => plan.high - plan.low + 1;

export function planBundles(
  index: GraphIndex,
  layer: number[],
  budget: number,
): { planOf: Map<number, Plan>; unrouted: Set<number> } {
  const n = index.nodes.length;
  const unrouted = new Set<number>();
  const planOf = new Map<number, Plan>();
  const outs = new Map<number, number[]>();
  const ins = new Map<number, number[]>();
  let total = 0;
  for (let s = 0; s < n; s++) {
    for (const t of index.outputs[s]) {
      if (layer[t] - layer[s] <= 1) continue;
      const pair = s * n + t;
      const own: Plan = {
        kind: "own",
        owner: t,
        low: layer[s] + 1,
        high: layer[t] - 1,
        pairs: [pair],
      };
      planOf.set(pair, own);
      total += cost(own);
      push(outs, s, pair);
      push(ins, t, pair);
    }
  }
  const groups: Plan[] = [];
  if (total > budget) {
    const candidates: { kind: "out" | "in"; owner: number; pairs: number[]; saving: number }[] = [];
    for (const [kind, byNode] of [
      ["out", outs],
      ["in", ins],
    ] as const) {
      for (const [owner, pairs] of byNode) {
        if (pairs.length < 2) continue;
        candidates.push({ kind, owner, pairs, saving: saving(pairs, planOf) });
      }
    }
    candidates.sort((a, b) => b.saving - a.saving || a.owner - b.owner);
    for (const c of candidates) {
      if (total <= budget) break;
      const members = c.pairs.filter((pair) => planOf.get(pair)?.kind === "own");
      if (members.length < 2) continue;
      const gain = saving(members, planOf);
      if (gain <= 0) continue;
      const group: Plan = {
        kind: c.kind,
        owner: c.owner,
        low: Infinity,
        high: -Infinity,
        pairs: members,
      };
      for (const pair of members) {
        const own = planOf.get(pair) as Plan;
        group.low = Math.min(group.low, own.low);
        group.high = Math.max(group.high, own.high);
        planOf.set(pair, group);
      }
      groups.push(group);
      total -= gain;
    }
  }
  if (total > budget) {
    const plans = [...groups, ...[...planOf.values()].filter((plan) => plan.kind === "own")];
    for (const plan of plans.sort((a, b) => cost(b) - cost(a))) {
      if (total <= budget) break;
      total -= cost(plan);
      for (const pair of plan.pairs) {
        unrouted.add(pair);
        planOf.delete(pair);
      }
    }
  }
  return { planOf, unrouted };
}

/** Dummies saved by one bundle for `pairs` instead of a line each. */
function saving(pairs: number[], planOf: Map<number, Plan>): number {
  let separate = 0;
  let low = Infinity;
  let high = -Infinity;
  for (const pair of pairs) {
    const own = planOf.get(pair) as Plan;
    separate += cost(own);
    low = Math.min(low, own.low);
    high = Math.max(high, own.high);
  }
  return separate - (high - low + 1);
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
