import { describe, expect, it } from "vitest";
import type { NodeInfo, TensorInfo, TraceEvent } from "../../../engine/events.ts";
import { graphFromTrace } from "../../../renderer/layout/from-trace.ts";

function tensorInfo(id: number, gradFn: number | null, isLeaf: boolean): TensorInfo {
  return {
    id,
    storage: id,
    shape: [],
    strides: [],
    offset: 0,
    dtype: "float32",
    requiresGrad: true,
    isLeaf,
    gradFn,
    outputNr: 0,
    version: 0,
    values: [2],
  };
}

function node(id: number, name: string, next: (number | null)[], variable?: number): NodeInfo {
  return {
    id,
    name,
    sequenceNr: id,
    next: next.map((n) => (n === null ? null : { node: n, inputNr: 0 })),
    saved: [],
    order: 0,
    ...(variable ? { variable } : {}),
  };
}

// a = torch.tensor(2., requires_grad=True); b = a * a; c = b.exp(); d = c + 1 (a constant)
const events: TraceEvent[] = [
  { kind: "tensor/created", tensor: tensorInfo(1, null, true), how: "tensor" },
  { kind: "binding/set", name: "a", scope: "global", value: { type: "tensor", id: 1 } },
  { kind: "node/created", node: node(1, "AccumulateGrad", [], 1) },
  {
    kind: "op/applied",
    op: "mul",
    inputs: [1, 1],
    output: tensorInfo(2, 2, false),
    node: node(2, "MulBackward0", [1, 1]),
  },
  { kind: "binding/set", name: "b", scope: "global", value: { type: "tensor", id: 2 } },
  {
    kind: "op/applied",
    op: "exp",
    inputs: [2],
    output: tensorInfo(3, 3, false),
    node: node(3, "ExpBackward0", [2]),
  },
  { kind: "binding/set", name: "c", scope: "global", value: { type: "tensor", id: 3 } },
  { kind: "binding/set", name: "also_c", scope: "global", value: { type: "tensor", id: 3 } },
  {
    kind: "op/applied",
    op: "add",
    inputs: [3],
    output: tensorInfo(4, 4, false),
    node: node(4, "AddBackward0", [3, null]),
  },
];

describe("graphFromTrace", () => {
  it("makes one node per grad_fn with its name, and one edge per input (x * x has two)", () => {
    const graph = graphFromTrace(events);
    expect(graph.nodes.map((n) => [n.id, n.kind, n.label, n.names])).toEqual([
      [1, "accumulate", "AccumulateGrad", ["a"]],
      [2, "op", "MulBackward0", ["b"]],
      [3, "op", "ExpBackward0", ["c", "also_c"]],
      [4, "op", "AddBackward0", undefined],
    ]);
    expect(graph.edges).toEqual([
      { source: 1, target: 2 },
      { source: 1, target: 2 },
      { source: 2, target: 3 },
      { source: 3, target: 4 },
    ]);
  });

  it("sizes nodes by their label unless told otherwise", () => {
    const graph = graphFromTrace(events, () => ({ width: 50, height: 20 }));
    expect(graph.nodes.every((n) => n.width === 50 && n.height === 20)).toBe(true);
    expect(graphFromTrace(events).nodes[1]).toMatchObject({
      width: 7 * "MulBackward0".length + 20,
      height: 28,
    });
  });
});
