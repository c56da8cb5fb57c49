// Graphs of several shapes for the layout tests and the bench, built as the engine would emit them.

import type { LayoutEdge, LayoutGraph, LayoutNode } from "../../../renderer/layout/types.ts";

export function opNode(id: number, label: string, kind: LayoutNode["kind"] = "op"): LayoutNode {
  return { id, kind, label, width: 7 * label.length + 20, height: 28 };
}

export function chainGraph(length: number): LayoutGraph {
  const nodes = Array.from({ length }, (_, i) =>
    opNode(i + 1, i === 0 ? "AccumulateGrad" : "ExpBackward0", i === 0 ? "accumulate" : "op"),
  );
  const edges = nodes.slice(1).map((node, i) => ({ source: i + 1, target: node.id }));
  return { nodes, edges };
}

/** a -> b, a -> c, b -> d, c -> d, all the same size */
export function diamondGraph(): LayoutGraph {
  const nodes = [1, 2, 3, 4].map((id) => ({
    id,
    kind: "op",
    label: `n${id}`,
    width: 80,
    height: 28,
  }));
  return {
    nodes,
    edges: [
      { source: 1, target: 2 },
      { source: 1, target: 3 },
      { source: 2, target: 4 },
      { source: 3, target: 4 },
    ],
  };
}

/** k leaves into one op */
export function fanInGraph(k: number): LayoutGraph {
  const nodes = Array.from({ length: k }, (_, i) => ({
    id: i + 1,
    kind: "accumulate",
    label: "AccumulateGrad",
    width: 118,
    height: 28,
  }));
  nodes.push({ id: k + 1, kind: "op", label: "StackBackward0", width: 118, height: 28 });
  return { nodes, edges: nodes.slice(0, k).map((node) => ({ source: node.id, target: k + 1 })) };
}

/** The graph a micrograd-style scalar MLP builds, in the order PyTorch creates the nodes:
 *  every weight and bias a 0-d leaf (AccumulateGrad), a neuron = tanh(sum(w_i * x_i, b)),
 *  the first layer's inputs plain floats, then loss = (out - target) ** 2. One batch per step
 *  (an op and the AccumulateGrad nodes PyTorch makes for it), so appends can replay it. */
export interface MlpGraph extends LayoutGraph {
  steps: { nodes: LayoutNode[]; edges: LayoutEdge[] }[];
  hiddenLayers: number;
}

export function mlpGraph(inputs: number, width: number, hiddenLayers: number): MlpGraph {
  const steps: MlpGraph["steps"] = [];
  let nextId = 1;
  const step = (
    newLeaves: string[],
    label: string,
    inputsOf: (leafIds: number[]) => number[],
  ): number => {
    const nodes = newLeaves.map(() => opNode(nextId++, "AccumulateGrad", "accumulate"));
    const op = opNode(nextId++, label);
    nodes.push(op);
    const sources = inputsOf(nodes.slice(0, -1).map((n) => n.id));
    steps.push({ nodes, edges: sources.map((source) => ({ source, target: op.id })) });
    return op.id;
  };
  const neuron = (x: number[] | null, nin: number): number => {
    let acc = -1;
    for (let i = 0; i < nin; i++) {
      const mul = step(["w"], "MulBackward0", ([w]) => (x === null ? [w] : [w, x[i]]));
      acc =
        i === 0
          ? step(["b"], "AddBackward0", ([b]) => [b, mul])
          : step([], "AddBackward0", () => [acc, mul]);
    }
    return step([], "TanhBackward0", () => [acc]);
  };
  let layer: number[] | null = null;
  let nin = inputs;
  for (let l = 0; l < hiddenLayers; l++) {
    const outs: number[] = [];
    for (let j = 0; j < width; j++) outs.push(neuron(layer, nin));
    layer = outs;
    nin = width;
  }
  const out = neuron(layer, nin);
  const diff = step([], "SubBackward0", () => [out]);
  step([], "PowBackward0", () => [diff]);
  return {
    nodes: steps.flatMap((s) => s.nodes),
    edges: steps.flatMap((s) => s.edges),
    steps,
    hiddenLayers,
  };
}

/** The smallest MLP of the given width with at least `targetNodes` nodes. */
export function mlpGraphOfSize(targetNodes: number, width = 8, inputs = 3): MlpGraph {
  let layers = 1;
  for (;;) {
    const graph = mlpGraph(inputs, width, layers);
    if (graph.nodes.length >= targetNodes) return graph;
    layers++;
  }
}

/** Split a graph in creation order into append steps: each op with the new leaves (nodes without
 *  inputs) listed just before it that feed it, as PyTorch makes them in one op call. */
export function stepsOf(graph: LayoutGraph): { nodes: LayoutNode[]; edges: LayoutEdge[] }[] {
  const hasInputs = new Set(graph.edges.map((e) => e.target));
  const incoming = new Map<number, LayoutEdge[]>();
  for (const e of graph.edges) incoming.set(e.target, [...(incoming.get(e.target) ?? []), e]);
  const steps: { nodes: LayoutNode[]; edges: LayoutEdge[] }[] = [];
  let pendingLeaves: LayoutNode[] = [];
  for (const node of graph.nodes) {
    if (!hasInputs.has(node.id)) {
      pendingLeaves.push(node);
      continue;
    }
    const edges = incoming.get(node.id) ?? [];
    const feeding = new Set(edges.map((e) => e.source));
    for (const leaf of pendingLeaves.filter((l) => !feeding.has(l.id)))
      steps.push({ nodes: [leaf], edges: [] });
    const leaves = pendingLeaves.filter((l) => feeding.has(l.id));
    steps.push({
      nodes: [...leaves, node],
      edges: [...leaves.flatMap((l) => incoming.get(l.id) ?? []), ...edges],
    });
    pendingLeaves = [];
  }
  for (const leaf of pendingLeaves) steps.push({ nodes: [leaf], edges: [] });
  return steps;
}

/** Python's sum() over a k-element tensor: UnbindBackward0 feeds every AddBackward0 of the chain
 *  0 + x[0] + x[1] + ..., one layer higher each time (fan-out to every layer). */
export function sumOverTensorGraph(k: number): LayoutGraph {
  const nodes = [opNode(1, "AccumulateGrad", "accumulate"), opNode(2, "UnbindBackward0")];
  const edges: LayoutEdge[] = [{ source: 1, target: 2 }];
  for (let i = 0; i < k; i++) {
    const id = 3 + i;
    nodes.push(opNode(id, "AddBackward0"));
    if (i > 0) edges.push({ source: id - 1, target: id });
    edges.push({ source: 2, target: id });
  }
  return { nodes, edges };
}

/** `h = torch.tanh(W @ h + 1)` for `steps` steps: W's AccumulateGrad feeds every MvBackward0. */
export function recurrentGraph(steps: number): LayoutGraph {
  const nodes = [opNode(1, "AccumulateGrad", "accumulate")];
  const edges: LayoutEdge[] = [];
  let h = -1;
  for (let i = 0; i < steps; i++) {
    const mv = nodes.length + 1;
    nodes.push(
      opNode(mv, "MvBackward0"),
      opNode(mv + 1, "AddBackward0"),
      opNode(mv + 2, "TanhBackward0"),
    );
    edges.push({ source: 1, target: mv });
    if (h > 0) edges.push({ source: h, target: mv });
    edges.push({ source: mv, target: mv + 1 }, { source: mv + 1, target: mv + 2 });
    h = mv + 2;
  }
  return { nodes, edges };
}

/** `torch.stack([h1, ..., hk])` of a running chain: every link feeds the one top node (fan-in). */
export function stackOfChainGraph(k: number): LayoutGraph {
  const nodes = [opNode(1, "AccumulateGrad", "accumulate")];
  const edges: LayoutEdge[] = [];
  for (let i = 0; i < k; i++) {
    nodes.push(opNode(i + 2, "MulBackward0"));
    edges.push({ source: i + 1, target: i + 2 });
  }
  nodes.push(opNode(k + 2, "StackBackward0"));
  for (let i = 0; i < k; i++) edges.push({ source: i + 2, target: k + 2 });
  return { nodes, edges };
}

/** A chain up, then a chain that takes the first chain's links in reverse: k nested long edges,
 *  none sharing an end, spanning 2, 4, ..., 2k layers (what no bundle can share). */
export function nestedEdgesGraph(k: number): LayoutGraph {
  const nodes = Array.from({ length: 2 * k }, (_, i) =>
    opNode(i + 1, i < k ? "ExpBackward0" : "MulBackward0"),
  );
  const edges: LayoutEdge[] = [];
  for (let i = 1; i < 2 * k; i++) edges.push({ source: i, target: i + 1 });
  for (let j = 0; j < k; j++) edges.push({ source: k - j, target: k + 1 + j });
  return { nodes, edges };
}
