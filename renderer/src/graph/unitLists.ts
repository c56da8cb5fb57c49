// The graph model's lists made from the graph store's units (graphStore.ts): the nodes in drawing
// order and the edges in node order, built from all units, or patched where a step only remade units.

import type { GraphEdgeView, GraphModel, GraphNodeView } from "./graphModel.ts";
import { sortNodes } from "./graphModel.ts";

/** A unit is a grad_fn node's view with its edges (key: the node id), a forward-mode op's (key:
 *  FORWARD_ID_BASE + its output's id), or a named leaf not used yet (key: -(tensor id) - 1). */
export interface Unit {
  key: number;
  node: GraphNodeView | null;
  edges: GraphEdgeView[];
  deps: number[];
  /** the leaf tensor an AccumulateGrad unit stands for */
  leafOf: number | null;
  /** where it sorts among units: a node's bornAt and id (named leaves after every node) */
  order: [number, number];
}

/** Units in order: last step's order with what went dropped and what came appended, then sorted
 *  (TimSort on a list sorted but for a few items at the end is linear). */
export function sortUnits(units: Map<number, Unit>, last: Unit[]): Unit[] {
  const kept = new Set<number>();
  const all: Unit[] = [];
  for (const u of last) {
    const now = units.get(u.key);
    if (now) {
      all.push(now);
      kept.add(u.key);
    }
  }
  for (const u of units.values()) if (!kept.has(u.key)) all.push(u);
  return all.sort((p, q) => p.order[0] - q.order[0] || p.order[1] - q.order[1] || q.key - p.key);
}

export interface ModelPlaces {
  /** node id -> its index in model.nodes */
  node: Map<number, number>;
  /** unit key -> the index of its first edge in model.edges */
  edges: Map<number, number>;
}

/** Where a model's nodes and units' edges sit (made on the first step that only remakes units, kept
 *  while steps only swap views). */
export function placesOf(model: GraphModel, sorted: Unit[]): ModelPlaces {
  const node = new Map<number, number>();
  model.nodes.forEach((n, i) => node.set(n.id, i));
  const edges = new Map<number, number>();
  let at = 0;
  for (const u of sorted) {
    edges.set(u.key, at);
    at += u.edges.length;
  }
  return { node, edges };
}

/** The model with the remade units' views swapped in where the old ones sat (copies of the lists,
 *  no walk or sort of the graph), or null when a swap would move or add something (materialize then). */
export function patchModel(model: GraphModel, swaps: [Unit, Unit][], places: ModelPlaces): GraphModel | null {
  let nodes: GraphNodeView[] | null = null;
  let edges: GraphEdgeView[] | null = null;
  for (const [was, now] of swaps) {
    if (was.node !== now.node) {
      if (!was.node || !now.node || was.node.id !== now.node.id || was.node.bornAt !== now.node.bornAt) return null;
      const i = places.node.get(was.node.id);
      if (i === undefined || model.nodes[i] !== was.node) return null;
      (nodes ??= model.nodes.slice())[i] = now.node;
    }
    if (was.edges === now.edges) continue;
    if (was.edges.length !== now.edges.length) return null;
    const start = places.edges.get(was.key);
    if (start === undefined) return null;
    for (let k = 0; k < now.edges.length; k++) {
      if (now.edges[k] === was.edges[k]) continue;
      if (model.edges[start + k] !== was.edges[k]) return null;
      (edges ??= model.edges.slice())[start + k] = now.edges[k];
    }
  }
  return { nodes: nodes ?? model.nodes, edges: edges ?? model.edges };
}

/** The model's lists from the units: nodes in drawing order, edges in node order. */
export function materialize(all: Unit[], last: GraphModel): GraphModel {
  const nodes: GraphNodeView[] = [];
  const edges: GraphEdgeView[] = [];
  for (const u of all) {
    if (u.node) nodes.push(u.node);
    for (const e of u.edges) edges.push(e);
  }
  sortNodes(nodes);
  const same = <T>(a: T[], b: T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return { nodes: same(nodes, last.nodes) ? last.nodes : nodes, edges: same(edges, last.edges) ? last.edges : edges };
}
