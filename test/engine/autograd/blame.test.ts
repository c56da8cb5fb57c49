// A failing backward names the node that failed and the saved tensor it could not use, so the
// view can outline that node (not the last one that ran) and mark that saved tensor.
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";

function blameOf(source: string): { node: string; slot?: string; reason?: string; type: string } | null {
  const events: TraceEvent[] = [];
  runPython(source, { sink: (e) => events.push(e), onStdout: () => {}, onStderr: () => {} });
  const names = new Map<number, string>();
  for (const e of events) {
    if (e.kind === "op/applied" && e.node) names.set(e.node.id, e.node.name);
    if (e.kind === "node/created" || (e.kind === "tensor/mutated" && e.node)) names.set(e.node!.id, e.node!.name);
  }
  const err = events.find((e) => e.kind === "error/raised");
  if (!err || err.kind !== "error/raised" || !err.blame) return null;
  return { node: names.get(err.blame.node) ?? "?", slot: err.blame.saved?.slot, reason: err.blame.saved?.reason, type: err.type };
}

const HEAD = "import torch\nx = torch.tensor(2.0, requires_grad=True)\n";

describe("error/raised names the failing node", () => {
  it.each([
    { what: "backward twice: MulBackward0's saved tensor was freed (SumBackward0 saved none and ran)", src: `${HEAD}y = x * x\nz = y.sum()\nz.backward()\nz.backward()\n`, expected: { node: "MulBackward0", slot: "other", reason: "freed", type: "RuntimeError" } },
    { what: "in-place change to a saved tensor", src: "import torch\na = torch.tensor([1.0, 2.0], requires_grad=True)\nb = a * 2\nc = b * b\nb.add_(1)\nc.sum().backward()\n", expected: { node: "MulBackward0", slot: "other", reason: "modified", type: "RuntimeError" } },
    { what: "an output saved by its own node (exp), then modified", src: `${HEAD}y = x.exp()\ny.add_(1)\ny.backward()\n`, expected: { node: "ExpBackward0", slot: "result", reason: "modified", type: "RuntimeError" } },
    { what: "autograd.grad twice", src: `${HEAD}y = x ** 2\ntorch.autograd.grad(y, x)\ntorch.autograd.grad(y, x)\n`, expected: { node: "PowBackward0", slot: "self", reason: "freed", type: "RuntimeError" } },
  ])("$what", ({ src, expected }) => {
    expect(blameOf(src)).toEqual(expected);
  });

  it.each([
    { what: "a non-scalar output without a gradient (no node at fault)", src: `import torch\nx = torch.ones(2, requires_grad=True)\n(x * 2).backward()\n` },
    { what: "an error outside autograd", src: "import torch\ntorch.ones(2) @ torch.ones(3)\n" },
  ])("no blame: $what", ({ src }) => {
    expect(blameOf(src)).toBeNull();
  });
});
