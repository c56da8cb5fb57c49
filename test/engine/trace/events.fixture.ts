// A hand-written trace of the alias pitfall (alias_pitfall_zero.py), values checked by hand:
// x = 3, f = x**3 = 27, df/dx = 3x^2 = 27, zero_() makes x.grad (and f_prime) 0.

import type { NodeInfo, Span, TensorInfo, TraceEvent } from "../../../engine/events.ts";

export function scalar(id: number, storage: number, value: number, extra: Partial<TensorInfo> = {}): TensorInfo {
  return {
    id,
    storage,
    shape: [],
    strides: [],
    offset: 0,
    dtype: "float32",
    requiresGrad: false,
    isLeaf: true,
    gradFn: null,
    outputNr: 0,
    version: 0,
    values: [value],
    storageValues: [value],
    ...extra,
  };
}

export const line = (n: number, text = ""): Span => ({ line: n, col: 0, endLine: n, endCol: text.length });

const accX: NodeInfo = { id: 100, name: "AccumulateGrad", sequenceNr: -1, next: [], saved: [], order: 0, variable: 1 };
const powNode: NodeInfo = {
  id: 101,
  name: "PowBackward0",
  sequenceNr: 0,
  next: [{ node: 100, inputNr: 0 }],
  saved: [{ slot: "self", tensor: 1, version: 0 }],
  order: 0,
};
const zeroNode: NodeInfo = { id: 102, name: "ZeroBackward0", sequenceNr: 5, next: [{ node: 103, inputNr: 0 }], saved: [], order: 1 };

export const aliasPitfall: TraceEvent[] = [
  { kind: "statement", span: line(3), text: "x = torch.tensor(3.0, requires_grad=True)" }, // 0
  { kind: "tensor/created", tensor: scalar(1, 1, 3, { requiresGrad: true }), how: "tensor", span: line(3) }, // 1
  { kind: "binding/set", name: "x", scope: "<module>", value: { type: "tensor", id: 1 }, span: line(3) }, // 2
  { kind: "statement", span: line(4), text: "f = x**3" }, // 3
  { kind: "node/created", node: accX }, // 4
  {
    kind: "op/applied",
    op: "pow",
    inputs: [1],
    output: scalar(2, 2, 27, { requiresGrad: true, isLeaf: false, gradFn: 101 }),
    node: powNode,
    span: line(4),
  }, // 5
  { kind: "binding/set", name: "f", scope: "<module>", value: { type: "tensor", id: 2 }, span: line(4) }, // 6
  { kind: "statement", span: line(5), text: "f.backward(create_graph=True)" }, // 7
  { kind: "tensor/created", tensor: scalar(3, 3, 1), how: "ones_like" }, // 8
  {
    kind: "backward/started",
    id: 1,
    mode: "backward",
    roots: [2],
    seeds: [3],
    implicitSeed: true,
    retainGraph: true,
    createGraph: true,
    inputs: null,
  }, // 9
  { kind: "tensor/created", tensor: scalar(4, 4, 27, { requiresGrad: true, isLeaf: false, gradFn: 103 }), how: "grad" }, // 10
  { kind: "node/executed", backward: 1, node: 101, name: "PowBackward0", gradsIn: [3], gradsOut: [4] }, // 11
  {
    kind: "grad/accumulated",
    backward: 1,
    leaf: 1,
    node: 100,
    before: null,
    delta: 4,
    after: 4,
    how: "stored",
  }, // 12
  { kind: "backward/finished", id: 1, results: null }, // 13
  { kind: "statement", span: line(6), text: "f_prime = x.grad" }, // 14
  { kind: "binding/set", name: "f_prime", scope: "<module>", value: { type: "tensor", id: 4 }, span: line(6) }, // 15
  { kind: "statement", span: line(7), text: "x.grad.zero_()" }, // 16
  {
    kind: "tensor/mutated",
    tensor: 4,
    storage: 4,
    op: "zero_",
    versionBefore: 0,
    versionAfter: 1,
    storageBefore: [27],
    storageAfter: [0],
    aliases: [4],
    gradFnBefore: 103,
    node: zeroNode,
    requiresGradAfter: true,
    span: line(7),
  }, // 17
  { kind: "statement", span: line(8), text: "print(f_prime)" }, // 18
  { kind: "output/printed", text: "tensor(0., grad_fn=<ZeroBackward0>)\n", stream: "stdout" }, // 19
];
