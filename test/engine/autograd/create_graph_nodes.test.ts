// What a create_graph backward records: only the gradients that lead to the requested inputs
// (autograd.grad(F, A) builds one TBackward0 and one MmBackward0, not X's too), and nodes tagged
// with their derivative order (differentiating a second-order node makes a third-order one).
import { describe, expect, it } from "vitest";
import * as T from "../../../engine/index.ts";
import type { TraceEvent } from "../../../engine/events.ts";

const created = (events: TraceEvent[]): string[] =>
  events.flatMap((e) => (e.kind === "op/applied" && e.node ? [e.node.name] : []));

describe("create_graph backward", () => {
  it("autograd.grad(F, A) computes A's gradient alone: one TBackward0 and one MmBackward0", () => {
    const events: TraceEvent[] = [];
    const rt = new T.Runtime({ sink: (e) => events.push(e) });
    const A = T.requiresGrad_(T.tensor(rt, [[1, 2, 3], [4, 5, 6]]));
    const X = T.requiresGrad_(T.tensor(rt, [[1, 0], [0, 1], [1, 1]]));
    const F = T.mm(A, X);
    events.length = 0;
    const [g] = T.grad(rt, [F], [A], { gradOutputs: [T.onesLike(F)], createGraph: true });
    expect(created(events).filter((n) => n === "MmBackward0" || n === "TBackward0").sort()).toEqual(["MmBackward0", "TBackward0"]);
    expect(g!.gradFn!.name).toBe("MmBackward0");
    expect(g!.gradFn!.next.map((e) => e?.node.name ?? null)).toEqual([null, "TBackward0"]);
  });

  it("tags each node with the derivative order of what it differentiates, plus one", () => {
    const rt = new T.Runtime();
    const x = T.requiresGrad_(T.tensor(rt, [1.5, 2]));
    const f = T.sum(T.pow(x, 3n));
    const [g1] = T.grad(rt, [f], [x], { createGraph: true });
    const s1 = T.sum(g1!);
    const [g2] = T.grad(rt, [s1], [x], { createGraph: true });
    const [g3] = T.grad(rt, [T.sum(g2!)], [x], { createGraph: true });
    expect([f.gradFn!.order, g1!.gradFn!.order, s1.gradFn!.order, g2!.gradFn!.order, g3!.gradFn!.order]).toEqual([0, 1, 1, 2, 3]);
  });
});
