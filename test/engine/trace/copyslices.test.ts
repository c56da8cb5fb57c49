// The fold shows in-place on views as PyTorch records them: after `v.mul_(3)` on v = b[1:],
// b's grad_fn is CopySlices (wrapping MulBackward0, edge to b's old grad_fn) and v's is
// AsStridedBackward0 into CopySlices; a view of a base without grad starts requiring grad
// when a tensor that does is written into the base.
import { describe, expect, it } from "vitest";
import { Runtime, type TraceEvent } from "../../../engine/index.ts";
import { runPython } from "../../../engine/python/run.ts";
import { applyEvent } from "../../../engine/trace/fold.ts";
import { bindingKey, emptyState, type TraceState } from "../../../engine/trace/state.ts";
import { tensorValues } from "../../../engine/trace/values.ts";

function fold(source: string): TraceState {
  const state = emptyState();
  const sink = (e: TraceEvent) => applyEvent(state, e);
  runPython(source, { runtime: new Runtime({ sink }), sink, filename: "t.py", onStdout: () => {}, onStderr: () => {} });
  return state;
}

const tensorOf = (s: TraceState, name: string) => {
  const b = s.bindings.get(bindingKey("<module>", name))!;
  if (b.value.type !== "tensor") throw new Error(`${name} is not a tensor`);
  return s.tensors.get(b.value.id)!;
};
const nodeName = (s: TraceState, id: number | null) => (id == null ? null : s.nodes.get(id)!.name);

describe("fold of in-place ops on views", () => {
  it("CopySlices on the base, AsStridedBackward0 on the view, values through the shared storage", () => {
    const s = fold("import torch\na = torch.tensor([1., 2., 3.], requires_grad=True)\nb = a * 2\nv = b[1:]\nv.mul_(3)\n");
    const b = tensorOf(s, "b");
    const v = tensorOf(s, "v");
    const copySlices = s.nodes.get(b.gradFn!)!;
    expect(copySlices.name).toBe("CopySlices");
    expect(nodeName(s, copySlices.next[0]!.node)).toBe("MulBackward0");
    expect(copySlices.next[1]).toBeNull();
    expect(nodeName(s, v.gradFn)).toBe("AsStridedBackward0");
    expect(s.nodes.get(v.gradFn!)!.next[0]!.node).toBe(copySlices.id);
    expect(v.base).toBe(b.id);
    expect(tensorValues(s, b.id)).toEqual([2, 12, 18]);
    expect(tensorValues(s, v.id)).toEqual([12, 18]);
    expect(b.version).toBe(1);
    expect(v.version).toBe(1);
  });

  it("a view of a base that gains a graph requires grad before its grad_fn is read", () => {
    const s = fold("import torch\nx = torch.tensor([1., 2.], requires_grad=True)\nz = torch.zeros(4)\nw = z[2:]\nz[:2].copy_(x * 3)\n");
    const z = tensorOf(s, "z");
    const w = tensorOf(s, "w");
    expect(nodeName(s, z.gradFn)).toBe("CopySlices");
    expect(z.isLeaf).toBe(false);
    expect(w.requiresGrad).toBe(true);
    // not read yet: PyTorch makes w's AsStridedBackward0 lazily, when w.grad_fn is next used
    expect(w.gradFn).toBeNull();
  });
});
