import { describe, expect, it } from "vitest";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { bindingKey, type TraceState } from "../../../engine/trace/state.ts";
import { tensorValues } from "../../../engine/trace/values.ts";
import { aliasPitfallTrace } from "./engineScript.ts";

const named = (s: TraceState, name: string) => {
  const b = s.bindings.get(bindingKey("<module>", name));
  return b?.value.type === "tensor" ? b.value.id : null;
};

describe("fold over a real engine trace (alias_pitfall_zero.py)", () => {
  const { events, afterAlias, afterZero } = aliasPitfallTrace();
  const cursor = new TraceCursor(events, 8);

  it("after f_prime = x.grad both names reach one tensor holding 3*x^2 = 27", () => {
    const s = cursor.at(afterAlias);
    const g = named(s, "f_prime")!;
    expect(s.tensors.get(named(s, "x")!)!.grad).toBe(g);
    expect(tensorValues(s, g)).toEqual([27]);
  });

  it("after x.grad.zero_() both read 0 and the grad_fn is ZeroBackward0, as PyTorch prints", () => {
    const s = cursor.at(afterZero);
    const g = named(s, "f_prime")!;
    expect(tensorValues(s, g)).toEqual([0]);
    expect(tensorValues(s, s.tensors.get(named(s, "x")!)!.grad!)).toEqual([0]);
    expect(s.nodes.get(s.tensors.get(g)!.gradFn!)!.name).toBe("ZeroBackward0");
  });

  it("stepping back to before zero_() shows 27 again", () => {
    cursor.at(afterZero);
    expect(tensorValues(cursor.at(afterAlias), named(cursor.at(afterAlias), "f_prime")!)).toEqual([27]);
  });

  it("stdout matches the recorded PyTorch output; the create_graph warning is a separate entry", () => {
    const s = cursor.at(events.length - 1);
    expect(s.console.find((c) => c.kind === "warning")?.text).toMatch(/^UserWarning: Using backward\(\) with create_graph=True/);
    expect(s.console.filter((c) => c.kind === "stdout").map((c) => c.text).join("")).toBe(
      "tensor(0., grad_fn=<ZeroBackward0>)\ntensor(0., grad_fn=<ZeroBackward0>)\n",
    );
  });

  it("the first backward runs PowBackward0 and stores x.grad; f's graph is order 0, the grad's is order 1", () => {
    const s = cursor.at(afterAlias - 2);
    const executedNames = s.backward ? [...s.backward.executed].sort((a, b) => a[1] - b[1]).map(([id]) => s.nodes.get(id)!.name) : [];
    const end = cursor.at(afterAlias);
    const f = end.tensors.get(named(end, "f")!)!;
    expect(end.nodes.get(f.gradFn!)!.order).toBe(0);
    const grad = end.tensors.get(named(end, "f_prime")!)!;
    expect(end.nodes.get(grad.gradFn!)!.order).toBeGreaterThanOrEqual(1);
    expect(executedNames.length === 0 || executedNames.includes("PowBackward0")).toBe(true);
  });

  it("every event kind the engine emitted folds without losing a tensor a node refers to", () => {
    const s = cursor.at(events.length - 1);
    for (const n of s.nodes.values()) for (const e of n.next) if (e) expect(s.nodes.has(e.node)).toBe(true);
    for (const t of s.tensors.values()) if (t.gradFn != null) expect(s.nodes.has(t.gradFn)).toBe(true);
  });
});
