// Forward-mode AD in the graph: with nothing requiring grad, the ops on dual tensors appear as
// forward nodes (make_dual, sin, mul) with their tangent formulas and values, joined by edges
// that carry the inputs' tangents; with a leaf that requires grad (forward over reverse) the
// grad_fn nodes carry the tangents instead. The dual level's end leaves them, ended.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";
import { buildGraph, FORWARD_ID_BASE } from "../../../renderer/src/graph/graphModel.ts";
import { stepFocus } from "../../../renderer/src/graph/stepFocus.ts";
import { layoutOf } from "../../../renderer/src/graph/graphLayout.ts";
import { pairKey } from "../../../renderer/src/graph/pairKey.ts";

function traceOf(source: string): TraceEvent[] {
  const trace: TraceEvent[] = [];
  runPython(source, { sink: (e) => trace.push(e), onStdout: () => {}, onStderr: () => {} });
  return trace;
}
const before = (trace: TraceEvent[], line: number): number => trace.findIndex((e) => e.kind === "statement" && e.span.line === line) - 1;

describe("forward-mode AD with nothing requiring grad", () => {
  const trace = traceOf(readFileSync(new URL("../../e2e/scripts/forward_ad.py", import.meta.url), "utf8"));
  const cursor = new TraceCursor(trace);

  it("y = dx.sin() * dx: make_dual, sin and mul are forward nodes with their formulas and tangents", () => {
    const g = buildGraph(cursor.at(before(trace, 8)));
    expect(g.nodes.map((n) => [n.kind, n.name, n.names.join()])).toEqual([
      ["forward", "make_dual", "dx"],
      ["forward", "sin", ""],
      ["forward", "mul", "y"],
    ]);
    const [dual, sin, mul] = g.nodes;
    expect(dual.tangent).toMatchObject({ value: "[1., 0., 0.]", formula: "ẏ = the tangent you gave", ended: false });
    expect(sin.tangent).toMatchObject({ value: "[0.5403, 0., 0.]", formula: "ẏ = cos(a)·ȧ" });
    expect(mul.tangent).toMatchObject({ value: "[1.3818, 0., 0.]", formula: "ẏ = ȧ·b + a·ḃ" });
    expect(mul.id).toBeGreaterThanOrEqual(FORWARD_ID_BASE);
    // edges input -> output, each carrying the input's tangent: dx into sin, sin and dx into mul
    expect(g.edges.map((e) => [e.source, e.target, e.tangent, e.forward])).toEqual([
      [dual.id, sin.id, "[1., 0., 0.]", true],
      [sin.id, mul.id, "[0.5403, 0., 0.]", true],
      [dual.id, mul.id, "[1., 0., 0.]", true],
    ]);
    // forward ids stay within what pairKey packs: the layout routes all three edges (dx -> mul round sin)
    expect(new Set(g.edges.map((e) => pairKey(e.source, e.target))).size).toBe(3);
    expect(layoutOf(g).routes).toHaveLength(3);
  });

  it("the step that sets sin's tangent focuses its node, freshly set", () => {
    const set = trace.findIndex((e) => e.kind === "tangent/set" && e.op === "sin");
    const g = buildGraph(cursor.at(set));
    const sin = g.nodes.find((n) => n.name === "sin")!;
    expect(sin.tangent?.now).toBe(true);
    expect(stepFocus(g, set)).toContain(sin.id);
    // one step earlier (the tangent formula's last op) sin has no node yet
    expect(buildGraph(cursor.at(set - 1)).nodes.some((n) => n.name === "sin")).toBe(false);
  });

  it("after the dual level the forward nodes stay, ended, and the edges carry no tangent", () => {
    const g = buildGraph(cursor.at(trace.length - 1));
    expect(g.nodes.every((n) => n.kind === "forward" && n.tangent?.ended)).toBe(true);
    expect(g.edges.every((e) => e.tangent === null)).toBe(true);
  });
});

describe("forward over reverse: a leaf that requires grad", () => {
  const trace = traceOf(`import torch
import torch.autograd.forward_ad as fwAD
w = torch.tensor([1., 2.], requires_grad=True)
with fwAD.dual_level():
    dw = fwAD.make_dual(w, torch.tensor([1., 1.]))
    z = (dw * dw).sum()
    z.backward()
`);
  const cursor = new TraceCursor(trace);
  it("the grad_fn nodes carry the tangents, no forward node is drawn, backward still runs", () => {
    const g = buildGraph(cursor.at(before(trace, 7)));
    expect(g.nodes.some((n) => n.kind === "forward")).toBe(false);
    const mul = g.nodes.find((n) => n.name === "MulBackward0")!;
    expect(mul.tangent).toMatchObject({ value: "[2., 4.]", formula: "ẏ = ȧ·b + a·ḃ" });
    expect(g.nodes.find((n) => n.name === "SumBackward0")!.tangent?.value).toBe("6.");
    expect(g.nodes.find((n) => n.name === "ViewBackward0")!.tangent?.value).toBe("[1., 1.]");
    // the edges out of the dual view carry its tangent
    const view = g.nodes.find((n) => n.name === "ViewBackward0")!;
    expect(g.edges.filter((e) => e.source === view.id && e.target === mul.id).map((e) => e.tangent)).toEqual(["[1., 1.]", "[1., 1.]"]);
    // the tangent formula's own ops record grad_fn nodes too (the tangent is differentiable), marked as such
    const formulaNodes = g.nodes.filter((n) => n.tangentFormulaOf != null);
    expect(formulaNodes.map((n) => [n.name, n.tangentFormulaOf])).toEqual([
      ["MulBackward0", "mul"],
      ["MulBackward0", "mul"],
      ["AddBackward0", "mul"],
      ["SumBackward0", "sum"],
    ]);
    const end = buildGraph(cursor.at(trace.length - 1));
    expect(end.nodes.find((n) => n.kind === "leaf")!.grad).toBe("[2., 4.]");
  });
});
