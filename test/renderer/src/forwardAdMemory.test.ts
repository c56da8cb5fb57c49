// Forward-mode AD in the memory view: a dual tensor's box has a "dual" mark and a "tangent" row
// whose arrow reaches the tangent's box; the tangent is gone when the dual level ends, and
// stepping back to before the tangent/set shows the box without it.
import { describe, expect, it } from "vitest";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";
import { buildMemory } from "../../../renderer/src/memory/memoryModel.ts";
import { stepCaption } from "../../../renderer/src/lib/captions.ts";

const source = `import torch
import torch.autograd.forward_ad as fwAD
x = torch.tensor([1., 2., 3.])
with fwAD.dual_level():
    dx = fwAD.make_dual(x, torch.tensor([1., 0., 0.]))
    y = dx.sin() * dx
    p, t = fwAD.unpack_dual(y)
z = y + 1
`;
const trace: TraceEvent[] = [];
runPython(source, { sink: (e) => trace.push(e), onStdout: () => {}, onStderr: () => {} });
const cursor = new TraceCursor(trace);
/** the last step before line `line` (1-based) starts */
const before = (line: number): number => trace.findIndex((e) => e.kind === "statement" && e.span.line === line) - 1;
const boxOf = (m: ReturnType<typeof buildMemory>, name: string) => m.objects.find((o) => o.tensor === m.names.find((n) => n.name === name)!.tensors[0])!;

describe("a dual tensor in the memory view", () => {
  it("dx = make_dual(x, t): dx's box is dual, its tangent row points to the tangent [1., 0., 0.]", () => {
    const m = buildMemory(cursor.at(before(6)));
    const dx = boxOf(m, "dx");
    expect(dx.tangent).not.toBeNull();
    expect(dx.rows.at(-1)).toEqual({ label: "tangent", value: "" });
    const arrow = m.arrows.find((a) => a.kind === "tangent" && a.from === `t${dx.tensor}`)!;
    expect(arrow.to).toBe(dx.tangent);
    const tangentBox = m.objects.find((o) => o.tensor === dx.tangent)!;
    expect(tangentBox.values).toBe("[1., 0., 0.]");
    expect(tangentBox.isTangent).toBe(true);
    // x itself is not dual: make_dual made a view of it
    expect(boxOf(m, "x").tangent).toBeNull();
    expect(boxOf(m, "x").rows.map((r) => r.label)).not.toContain("tangent");
  });

  it("y = dx.sin() * dx: y carries the tangent cos(x)·x + sin(x) along [1, 0, 0]", () => {
    const m = buildMemory(cursor.at(before(7)));
    const y = boxOf(m, "y");
    expect(m.objects.find((o) => o.tensor === y.tangent)!.values).toBe("[1.3818, 0., 0.]");
  });

  it("stepping back to the step before tangent/set shows dx's box without a tangent", () => {
    const set = trace.findIndex((e) => e.kind === "tangent/set" && e.op === "make_dual");
    const bind = trace.findIndex((e, i) => i > set && e.kind === "binding/set");
    // at the binding, dx is dual; one step before the tangent/set the view has no dual tensor
    expect(buildMemory(cursor.at(bind)).objects.some((o) => o.tangent != null)).toBe(true);
    expect(cursor.at(set - 1).tangentOps.size).toBe(0);
    expect([...cursor.at(set - 1).tensors.values()].some((t) => t.tangent != null)).toBe(false);
  });

  it("the dual level's end drops every tangent: y is a plain tensor again", () => {
    const exit = trace.findIndex((e) => e.kind === "dual/level" && !e.entered);
    expect(exit).toBeGreaterThan(0);
    const m = buildMemory(cursor.at(exit));
    expect(m.objects.some((o) => o.tangent != null || o.rows.some((r) => r.label === "tangent"))).toBe(false);
    expect(stepCaption(cursor.at(exit))).toMatch(/dual level ends: every tangent/);
    expect([...cursor.at(exit).tangentOps.values()].every((op) => op.endedAt === exit)).toBe(true);
    expect([...cursor.at(exit).tensors.values()].some((t) => "tangent" in t)).toBe(false);
  });
});
