import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { buildGraph } from "../../../renderer/src/graph/graphModel.ts";
import { stepCaption } from "../../../renderer/src/lib/captions.ts";

function traced(source: string): { events: TraceEvent[]; cursor: TraceCursor } {
  const events: TraceEvent[] = [];
  runPython(source, { sink: (e) => events.push(e), onStdout: () => {}, onStderr: () => {} });
  return { events, cursor: new TraceCursor(events) };
}

const HOOKS = `import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * x
h = y.register_hook(lambda g: g * 2)
k = y.register_hook(lambda g: None)
p = y.grad_fn.register_prehook(lambda gs: None)
q = y.grad_fn.register_hook(lambda gi, go: (gi[0] + 1, gi[1]))
a = x.register_post_accumulate_grad_hook(lambda t: None)
y.sum().backward()
h.remove()
`;

describe("hook captions and marks", () => {
  const { events, cursor } = traced(HOOKS);
  const calls = events.flatMap((e, k) => (e.kind === "hook/called" ? [k] : []));
  const registered = events.flatMap((e, k) => (e.kind === "hook/registered" ? [k] : []));

  it.each([
    { i: 0, expected: /^y\.register_hook\(<lambda>\): a hook now sits here \(marked on MulBackward0 \(y\)\); when backward reaches y, it is called with y's gradient/ },
    { i: 2, expected: /^MulBackward0\.register_prehook\(<lambda>\): a hook now sits here; it is called with the gradients MulBackward0 \(y\) gets, before it runs/ },
    { i: 3, expected: /^MulBackward0\.register_hook\(<lambda>\): a hook now sits here; it is called after MulBackward0 \(y\) runs/ },
    { i: 4, expected: /^x\.register_post_accumulate_grad_hook\(<lambda>\): a hook now sits here; it is called with x after backward has written x\.grad/ },
  ])("registering hook $i", ({ i, expected }) => expect(stepCaption(cursor.at(registered[i]))).toMatch(expected));

  it.each([
    { i: 0, expected: /^The hook y\.register_hook\(<lambda>\) runs on ∂ \[1\., 1\.\]: it returns \[2\., 2\.\], which replaces the gradient and flows on\.$/ },
    { i: 1, expected: /^The hook y\.register_hook\(<lambda>\) runs on ∂ \[2\., 2\.\]: it returns None, so \[2\., 2\.\] flows on unchanged\.$/ },
    { i: 2, expected: /^The hook MulBackward0\.register_prehook\(<lambda>\) runs on ∂ \[2\., 2\.\]: it returns None/ },
    { i: 3, expected: /^The hook MulBackward0\.register_hook\(<lambda>\) runs on ∂ \(\[2\., 4\.\], \[2\., 4\.\]\): it returns \(\[3\., 5\.\], \[2\., 4\.\]\), which replaces the gradients it sends and flows on\.$/ },
    { i: 4, expected: /^The hook x\.register_post_accumulate_grad_hook\(<lambda>\) runs: x\.grad is \[5\., 9\.\] now\.$/ },
  ])("call $i: which hook, on what, ∂ in and out", ({ i, expected }) => expect(stepCaption(cursor.at(calls[i]))).toMatch(expected));

  it("marks sit on y's node and x's leaf while registered, the running one with its call", () => {
    const marks = (k: number) =>
      Object.fromEntries(buildGraph(cursor.at(k)).nodes.filter((n) => n.hooks.length).map((n) => [n.name, n.hooks.map((h) => `${h.where}${h.call ? `:${h.call.before}->${h.call.after}` : ""}`)]));
    expect(marks(registered[0])).toEqual({ MulBackward0: ["tensor"] });
    expect(marks(calls[0])).toEqual({ MulBackward0: ["tensor:[1., 1.]->[2., 2.]", "tensor", "pre", "post"], AccumulateGrad: ["post-accumulate"] });
    const removed = events.findIndex((e) => e.kind === "hook/removed");
    expect(stepCaption(cursor.at(removed))).toBe("The handle's remove() takes y.register_hook(<lambda>) away: later backwards will not call it.");
    expect(marks(removed)).toEqual({ MulBackward0: ["tensor", "pre", "post"], AccumulateGrad: ["post-accumulate"] });
  });
});

describe("a custom Function's backward, stepped", () => {
  const src = `import torch
class Sq(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g
x = torch.tensor(3.0, requires_grad=True)
Sq.apply(x).backward()
`;
  const { events, cursor } = traced(src);
  const entered = events.findIndex((e) => e.kind === "node/entered");
  it("node/entered comes before the backward's own lines, and the node is the one running", () => {
    expect(entered).toBeGreaterThan(0);
    expect(stepCaption(cursor.at(entered))).toMatch(/^SqBackward runs your backward\(ctx, \.\.\.\) with ∂ 1\.: step through its lines/);
    const line9 = events.findIndex((e, k) => k > entered && e.kind === "statement" && e.span.line === 9);
    expect(stepCaption(cursor.at(line9))).toBe("Line 9 starts (inside SqBackward's backward, which is running): x, = ctx.saved_tensors");
    const node = buildGraph(cursor.at(line9)).nodes.find((n) => n.name === "SqBackward");
    expect(node?.status).toBe("executing");
    const executed = events.findIndex((e) => e.kind === "node/executed" && e.name === "SqBackward");
    expect(executed).toBeGreaterThan(line9);
  });
  it("plain lines outside a backward say nothing of one", () => {
    const k = events.findIndex((e) => e.kind === "statement" && e.span.line === 12);
    expect(stepCaption(cursor.at(k))).toBe("Line 12 starts: Sq.apply(x).backward()");
  });
});

describe("saved_tensors_hooks' pack and unpack calls", () => {
  const src = `import torch
def pack(t):
    return t.clone()
def unpack(p):
    return p
x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = x.exp()
y.sum().backward()
`;
  const { events, cursor } = traced(src);
  it("says which node saves what, and that it keeps pack's result; then the unpack", () => {
    const packs = events.flatMap((e, k) => (e.kind === "saved/hooked" ? [k] : []));
    expect(packs.length).toBe(2);
    expect(stepCaption(cursor.at(packs[0]))).toBe("saved_tensors_hooks: ExpBackward0 saves its result, so the pack hook pack runs on it; the node keeps what it returns instead of the tensor.");
    expect(stepCaption(cursor.at(packs[1]))).toMatch(/^ExpBackward0 needs its saved 'result' back: the unpack hook unpack runs on what pack returned/);
  });
});

describe("module hooks name their module", () => {
  const src = readFileSync(new URL("../../e2e/scripts/module_hooks.py", import.meta.url), "utf8");
  const { events, cursor } = traced(src);
  const registered = events.flatMap((e, k) => (e.kind === "hook/registered" ? [k] : []));
  const calls = events.flatMap((e, k) => (e.kind === "hook/called" ? [k] : []));
  const badges = (k: number) =>
    Object.fromEntries(
      buildGraph(cursor.at(k))
        .nodes.filter((n) => n.hooks.length)
        .map((n) => [`${n.name}#${n.id}`, n.hooks.map((h) => h.module?.badge ?? h.name)]),
    );

  it.each([
    { i: 1, expected: /^act\.register_full_backward_hook\(report\): a hook now sits here \(marked on BackwardHookFunctionBackward\b.*\); it is called once backward has gone through act \(Tanh\), with the gradients of its inputs and of its outputs/ },
    { i: 0, expected: /^fc1\.register_backward_hook\(report\): a hook now sits here \(marked on AddmmBackward0\b.*\); the deprecated hook sits on AddmmBackward0.*, the last op fc1 \(Linear\) ran: it is called with that one op's input gradients/ },
  ])("registering module hook $i says which module and how", ({ i, expected }) => expect(stepCaption(cursor.at(registered[i]))).toMatch(expected));

  it("the badges name the modules; a call's caption says whose hook runs", () => {
    const at = badges(registered[2]);
    expect(Object.values(at).flat().sort()).toEqual(["act hook", "act hook", "fc1 hook"]);
    expect(Object.keys(at).some((k) => k.startsWith("AddmmBackward0#"))).toBe(true);
    expect(stepCaption(cursor.at(calls.at(-1)!))).toMatch(/^The hook fc1\.register_backward_hook\(report\) runs on ∂ /);
  });
});
