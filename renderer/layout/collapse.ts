// Collapse of repeated structure: chains of one op (a neuron's running sum) with their private inputs become one node.

import type { LayoutEdge, LayoutGraph, LayoutNode } from "./types.ts";

export interface NodeGroup {
  /** negative, so it never clashes with a grad_fn id; derived from the chain's top node */
  id: number;
  label: string;
  /** the repeated op's name, e.g. "AddBackward0" */
  chainLabel: string;
  chainLength: number;
  /** every node the group stands for, in creation order */
  members: number[];
  /** the last link of the chain: the only member whose output leaves the group */
  top: number;
  /** the collapsed node's name when it is not "N× op" (a torch.nn module's "fc1 (Linear)") */
  title?: string;
}

/** Id of the group whose chain ends at `topId`. */
export function groupIdFor(topId: number): number {
  return -1 - topId;
}

/**
 * Finds chains of the same op where each link feeds only the next (b + w0*x0 + w1*x1 + ... is a
 * chain of AddBackward0), of at least `minLength` links. Each group also takes the inputs used by
 * nothing outside it (the products w_i*x_i, the bias's AccumulateGrad) and the leaves that feed
 * only those (the weights' AccumulateGrad); shared inputs such as the previous layer's tanh stay out.
 */
export function findRepeatedChains(graph: LayoutGraph, minLength = 2): NodeGroup[] {
  const byId = new Map<number, LayoutNode>();
  const creation = new Map<number, number>();
  graph.nodes.forEach((node, i) => {
    byId.set(node.id, node);
    creation.set(node.id, node.order ?? i);
  });
  const inputs = new Map<number, number[]>();
  const outputs = new Map<number, Set<number>>();
  for (const node of graph.nodes) {
    inputs.set(node.id, []);
    outputs.set(node.id, new Set());
  }
  for (const { source, target } of graph.edges) {
    const list = inputs.get(target);
    if (list && !list.includes(source)) list.push(source);
    outputs.get(source)?.add(target);
  }
  const byCreation = (a: number, b: number): number =>
    (creation.get(a) as number) - (creation.get(b) as number) || a - b;

  // Each node links to at most one earlier link (the first same-op input that feeds it alone).
  const previousLink = new Map<number, number>();
  const hasNextLink = new Set<number>();
  for (const node of graph.nodes) {
    const candidates = (inputs.get(node.id) as number[]).filter((u) => {
      const outs = outputs.get(u) as Set<number>;
      return byId.get(u)?.label === node.label && outs.size === 1 && !hasNextLink.has(u);
    });
    if (candidates.length === 0) continue;
    const u = candidates.sort(byCreation)[0];
    previousLink.set(node.id, u);
    hasNextLink.add(u);
  }

  const groups: NodeGroup[] = [];
  for (const node of graph.nodes) {
    if (hasNextLink.has(node.id) || !previousLink.has(node.id)) continue;
    const chain: number[] = [node.id];
    for (let u = previousLink.get(node.id); u !== undefined; u = previousLink.get(u)) chain.push(u);
    if (chain.length < minLength) continue;
    const members = new Set(chain);
    const allOutputsInside = (u: number): boolean =>
      [...(outputs.get(u) as Set<number>)].every((w) => members.has(w));
    for (const link of chain) {
      for (const u of inputs.get(link) as number[])
        if (!members.has(u) && allOutputsInside(u)) members.add(u);
    }
    for (const member of [...members]) {
      for (const u of inputs.get(member) as number[]) {
        if (!members.has(u) && (inputs.get(u) as number[]).length === 0 && allOutputsInside(u))
          members.add(u);
      }
    }
    const sorted = [...members].sort(byCreation);
    groups.push({
      id: groupIdFor(node.id),
      label: `${chain.length}× ${node.label} (${sorted.length} nodes)`,
      chainLabel: node.label,
      chainLength: chain.length,
      members: sorted,
      top: node.id,
    });
  }
  return groups;
}

export interface CollapsedGraph {
  graph: LayoutGraph;
  /** for each node hidden inside a collapsed group, that group's id (to reveal a search hit) */
  hiddenIn: Map<number, number>;
}

/**
 * The graph as drawn with the given groups collapsed: each collapsed group becomes one node of
 * kind "group" at its top's place in creation order; edges into or out of it are merged; edges
 * inside it vanish. Pure: collapsing nothing gives back an equal graph.
 */
export function collapseGraph(
  graph: LayoutGraph,
  groups: NodeGroup[],
  collapsed: Iterable<number>,
  groupSize: (group: NodeGroup) => { width: number; height: number } = defaultGroupSize,
): CollapsedGraph {
  const wanted = new Set(collapsed);
  const hiddenIn = new Map<number, number>();
  const groupByTop = new Map<number, NodeGroup>();
  for (const group of groups) {
    if (!wanted.has(group.id)) continue;
    for (const member of group.members) hiddenIn.set(member, group.id);
    groupByTop.set(group.top, group);
  }
  if (hiddenIn.size === 0)
    return { graph: { nodes: graph.nodes.slice(), edges: graph.edges.slice() }, hiddenIn };

  const nodes: LayoutNode[] = [];
  for (const node of graph.nodes) {
    const group = groupByTop.get(node.id);
    if (group) {
      const size = groupSize(group);
      // Where the top was, with its creation order if it had one (else the array position counts).
      const order = node.order === undefined ? {} : { order: node.order };
      nodes.push({
        id: group.id,
        kind: "group",
        label: group.label,
        width: size.width,
        height: size.height,
        ...order,
      });
    } else if (!hiddenIn.has(node.id)) {
      nodes.push(node);
    }
  }
  const edges: LayoutEdge[] = [];
  const merged = new Set<string>();
  for (const edge of graph.edges) {
    const source = hiddenIn.get(edge.source) ?? edge.source;
    const target = hiddenIn.get(edge.target) ?? edge.target;
    if (source === target) continue;
    if (source !== edge.source || target !== edge.target) {
      const key = `${source}>${target}`;
      if (merged.has(key)) continue;
      merged.add(key);
      edges.push({ source, target });
    } else {
      edges.push(edge);
    }
  }
  return { graph: { nodes, edges }, hiddenIn };
}

function defaultGroupSize(group: NodeGroup): { width: number; height: number } {
  return { width: 7 * group.label.length + 20, height: 28 };
}
