// The autograd graph of a trace as a layout graph: grad_fn nodes, edges from input to output, variable names.

import type { NodeInfo, TensorInfo, TraceEvent } from "../../engine/events.ts";
import type { LayoutEdge, LayoutGraph, LayoutNode } from "./types.ts";

export interface NodeSize {
  width: number;
  height: number;
}

/** Monospace estimate: the renderer may pass real text metrics instead. */
export function estimateNodeSize(label: string): NodeSize {
  return { width: 7 * label.length + 20, height: 28 };
}

/**
 * Every grad_fn node seen in `events` (in the order first seen) and one edge per non-null
 * `next` entry, pointing from the input's node to the node that consumes it. A node's `names`
 * are the Python variables whose tensor it is the grad_fn of (or, for AccumulateGrad, the leaf).
 */
export function graphFromTrace(
  events: readonly TraceEvent[],
  size: (label: string) => NodeSize = estimateNodeSize,
): LayoutGraph {
  const infos = new Map<number, NodeInfo>();
  const gradFnOfTensor = new Map<number, number>();
  const accumulateOfLeaf = new Map<number, number>();
  const namesOfTensor = new Map<number, Set<string>>();
  const noteNode = (node: NodeInfo | null | undefined): void => {
    if (!node || infos.has(node.id)) return;
    infos.set(node.id, node);
    if (node.variable !== undefined) accumulateOfLeaf.set(node.variable, node.id);
  };
  const noteTensor = (tensor: TensorInfo | undefined): void => {
    if (tensor && tensor.gradFn !== null) gradFnOfTensor.set(tensor.id, tensor.gradFn);
  };
  for (const event of events) {
    switch (event.kind) {
      case "node/created":
        noteNode(event.node);
        break;
      case "tensor/created":
        noteTensor(event.tensor);
        break;
      case "op/applied":
        noteNode(event.node);
        noteTensor(event.output);
        for (const extra of event.extraOutputs ?? []) noteTensor(extra);
        break;
      case "tensor/mutated":
        noteNode(event.node);
        if (event.node) gradFnOfTensor.set(event.tensor, event.node.id);
        break;
      case "tensor/flags":
        if (event.gradFn !== null) gradFnOfTensor.set(event.tensor, event.gradFn);
        break;
      case "binding/set":
        if (event.value.type === "tensor") {
          let set = namesOfTensor.get(event.value.id);
          if (!set) namesOfTensor.set(event.value.id, (set = new Set()));
          set.add(event.name);
        }
        break;
      default:
        break;
    }
  }
  const namesOfNode = new Map<number, string[]>();
  for (const [tensor, names] of namesOfTensor) {
    const node = gradFnOfTensor.get(tensor) ?? accumulateOfLeaf.get(tensor);
    if (node !== undefined) namesOfNode.set(node, [...(namesOfNode.get(node) ?? []), ...names]);
  }
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  for (const info of infos.values()) {
    const { width, height } = size(info.name);
    const names = namesOfNode.get(info.id);
    nodes.push({
      id: info.id,
      kind: info.name === "AccumulateGrad" ? "accumulate" : "op",
      label: info.name,
      width,
      height,
      ...(names ? { names } : {}),
    });
    for (const next of info.next)
      if (next && infos.has(next.node)) edges.push({ source: next.node, target: info.id });
  }
  return { nodes, edges };
}
