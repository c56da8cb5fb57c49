import { describe, expect, it } from "vitest";
import { fold } from "../../../engine/trace/fold.ts";
import { emptyState, bindingKey, type TraceState } from "../../../engine/trace/state.ts";
import { tensorValues } from "../../../engine/trace/values.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { aliasPitfall, line, scalar } from "./events.fixture.ts";

const foldAll = (events: TraceEvent[], upTo = events.length - 1): TraceState =>
  events.slice(0, upTo + 1).reduce(fold, emptyState());

const boundTensor = (s: TraceState, name: string): number | undefined => {
  const b = s.bindings.get(bindingKey("<module>", name));
  return b?.value.type === "tensor" ? b.value.id : undefined;
};

describe("fold: the alias pitfall", () => {
  it("binds x to a leaf holding 3 that requires grad", () => {
    const s = foldAll(aliasPitfall, 2);
    const x = s.tensors.get(boundTensor(s, "x")!)!;
    expect(x.isLeaf).toBe(true);
    expect(x.requiresGrad).toBe(true);
    expect(tensorValues(s, x.id)).toEqual([3]);
  });

  it("records f's grad_fn as PowBackward0 with x saved and an edge to AccumulateGrad", () => {
    const s = foldAll(aliasPitfall, 6);
    const f = s.tensors.get(boundTensor(s, "f")!)!;
    const node = s.nodes.get(f.gradFn!)!;
    expect(node.name).toBe("PowBackward0");
    expect(node.saved).toEqual([{ slot: "self", tensor: 1, version: 0, freed: false }]);
    expect(s.nodes.get(node.next[0]!.node)!.name).toBe("AccumulateGrad");
    expect(node.outputs).toEqual([2]);
  });

  it("shows the backward in progress: node executing, gradient on the edge, .grad stored", () => {
    const mid = foldAll(aliasPitfall, 11);
    expect(mid.backward!.executing).toBe(101);
    expect([...mid.backward!.edgeGrads.values()].flat()).toEqual([{ from: 101, to: 100, inputNr: 0, grad: 4 }]);
    expect(mid.tensors.get(1)!.grad).toBeNull();
    const after = foldAll(aliasPitfall, 12);
    expect(after.tensors.get(1)!.grad).toBe(4);
    expect(after.backward!.accumulated.get(1)!.how).toBe("stored");
  });

  it("keeps a finished backward until the next statement, then drops it", () => {
    expect(foldAll(aliasPitfall, 13).backward!.finished).toBe(true);
    expect(foldAll(aliasPitfall, 14).backward).toBeNull();
  });

  it("after f_prime = x.grad, two names lead to the same tensor", () => {
    const s = foldAll(aliasPitfall, 15);
    expect(boundTensor(s, "f_prime")).toBe(s.tensors.get(boundTensor(s, "x")!)!.grad);
  });

  it("x.grad.zero_() makes both x.grad and f_prime read 0, bumps the version, rebases grad_fn", () => {
    const s = foldAll(aliasPitfall, 17);
    const g = s.tensors.get(boundTensor(s, "f_prime")!)!;
    expect(tensorValues(s, g.id)).toEqual([0]);
    expect(tensorValues(s, s.tensors.get(1)!.grad!)).toEqual([0]);
    expect(g.version).toBe(1);
    expect(s.nodes.get(g.gradFn!)!.name).toBe("ZeroBackward0");
    expect(s.storages.get(g.storage)!.writtenAt).toBe(17);
  });

  it("prints exactly the text the program wrote", () => {
    const s = foldAll(aliasPitfall);
    expect(s.console.map((c) => c.text).join("")).toBe("tensor(0., grad_fn=<ZeroBackward0>)\n");
  });

  it("tracks the statement being run and its index", () => {
    const s = foldAll(aliasPitfall, 15);
    expect(s.statement).toMatchObject({ text: "f_prime = x.grad", index: 3, span: line(6) });
  });

  it("does not change the state it was given", () => {
    const before = foldAll(aliasPitfall, 16);
    const snapshot = tensorValues(before, 4);
    fold(before, aliasPitfall[17]);
    expect(tensorValues(before, 4)).toEqual(snapshot);
    expect(before.tensors.get(4)!.version).toBe(0);
  });
});

describe("fold: other event kinds", () => {
  const base: TraceEvent[] = [
    { kind: "tensor/created", tensor: scalar(1, 1, 2, { requiresGrad: true }), how: "tensor" },
    { kind: "tensor/created", tensor: scalar(5, 5, 7), how: "tensor" },
  ];
  const cases: { name: string; event: TraceEvent; check: (s: TraceState) => void }[] = [
    {
      name: "attr/set replaces .grad (x.grad = None)",
      event: { kind: "attr/set", tensor: 1, attr: "grad", before: 5, after: null },
      check: (s) => expect(s.tensors.get(1)!.grad).toBeNull(),
    },
    {
      name: "tensor/flags (requires_grad_)",
      event: { kind: "tensor/flags", tensor: 5, requiresGrad: true, isLeaf: true, gradFn: null, retainsGrad: false },
      check: (s) => expect(s.tensors.get(5)!.requiresGrad).toBe(true),
    },
    {
      name: "binding/deleted (del x)",
      event: { kind: "binding/deleted", name: "x", scope: "<module>" },
      check: (s) => expect(s.bindings.size).toBe(0),
    },
    {
      name: "warning/raised goes to the console linked to its line",
      event: { kind: "warning/raised", category: "UserWarning", message: "careful", span: line(9) },
      check: (s) => expect(s.console.at(-1)).toMatchObject({ kind: "warning", text: "UserWarning: careful", line: 9 }),
    },
    {
      name: "error/raised is remembered with its line and printed",
      event: { kind: "error/raised", type: "RuntimeError", message: "boom", span: line(4) },
      check: (s) => {
        expect(s.error).toMatchObject({ type: "RuntimeError", message: "boom", span: line(4) });
        expect(s.console.at(-1)).toMatchObject({ kind: "error", text: "RuntimeError: boom\n", line: 4 });
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pre: TraceEvent[] = [...base, { kind: "binding/set", name: "x", scope: "<module>", value: { type: "tensor", id: 1 } }];
      const s = [...pre, c.event].reduce(fold, emptyState());
      c.check(s);
      expect(s.lastEvent).toBe(c.event);
    });
  }

  it("saved/freed greys out every saved tensor of the named nodes", () => {
    const s = foldAll(aliasPitfall.slice(0, 7).concat([{ kind: "saved/freed", backward: 1, nodes: [101] }]));
    expect(s.nodes.get(101)!.saved.every((sv) => sv.freed)).toBe(true);
  });

  it("grad/summed records before + delta = after at the node's input", () => {
    const s = foldAll([
      { kind: "backward/started", id: 7, mode: "backward", roots: [], seeds: [], implicitSeed: true, retainGraph: false, createGraph: false, inputs: null },
      { kind: "grad/summed", backward: 7, node: 9, inputNr: 0, before: 10, delta: 11, after: 12 },
    ]);
    expect(s.backward!.sums.get(9)?.[0]).toMatchObject({ before: 10, delta: 11, after: 12 });
  });

  it("a view's values are read through the shared storage, so an in-place write shows in both", () => {
    const events: TraceEvent[] = [
      {
        kind: "tensor/created",
        how: "tensor",
        tensor: { ...scalar(1, 1, 0), shape: [2, 2], strides: [2, 1], values: [1, 2, 3, 4], storageValues: [1, 2, 3, 4] },
      },
      {
        kind: "op/applied",
        op: "t",
        inputs: [1],
        node: null,
        output: { ...scalar(2, 1, 0), shape: [2, 2], strides: [1, 2], values: [1, 3, 2, 4], storageValues: undefined },
      },
      {
        kind: "tensor/mutated",
        tensor: 1,
        storage: 1,
        op: "mul_",
        versionBefore: 0,
        versionAfter: 1,
        storageBefore: [1, 2, 3, 4],
        storageAfter: [10, 20, 30, 40],
        aliases: [1, 2],
        gradFnBefore: null,
        node: null,
        requiresGradAfter: false,
      },
    ];
    const s = foldAll(events);
    expect(tensorValues(s, 2)).toEqual([10, 30, 20, 40]);
    expect(s.tensors.get(2)!.version).toBe(1);
  });
});

describe("fold: Python objects", () => {
  const events: TraceEvent[] = [
    { kind: "object/created", object: 1, cls: "Value", attrs: [{ name: "data", value: { type: "value", repr: "2.0", pyType: "float" } }] },
    { kind: "object/created", object: 2, cls: "Value", attrs: [] },
    { kind: "object/attr", object: 2, name: "_prev", value: { type: "value", repr: "{...}", pyType: "set", objects: [1] } },
    { kind: "object/attr", object: 1, name: "grad", value: { type: "value", repr: "0.0", pyType: "float" } },
    { kind: "object/attr", object: 1, name: "data", value: { type: "value", repr: "3.0", pyType: "float" } },
    { kind: "object/attr", object: 1, name: "data", value: null },
    { kind: "object/attr", object: 9, name: "x", value: { type: "value", repr: "1", pyType: "int" } },
  ];
  const attrs = (s: TraceState, id: number) => s.objects.get(id)!.attrs.map((a) => [a.name, a.value && "repr" in a.value ? a.value.repr : a.value]);

  it("keeps each object's attributes in the order first set, replaced in place, removed when deleted", () => {
    expect(attrs(foldAll(events, 3), 1)).toEqual([["data", "2.0"], ["grad", "0.0"]]);
    expect(attrs(foldAll(events, 4), 1)).toEqual([["data", "3.0"], ["grad", "0.0"]]);
    expect(attrs(foldAll(events, 5), 1)).toEqual([["grad", "0.0"]]);
    expect(foldAll(events, 2).objects.get(2)!.attrs[0].value).toEqual({ type: "value", repr: "{...}", pyType: "set", objects: [1] });
  });

  it("stamps birth and last change with their steps, leaves earlier states untouched, ignores unknown objects", () => {
    const early = foldAll(events, 3);
    const late = foldAll(events);
    expect(late.objects.get(1)).toMatchObject({ bornAt: 0, changedAt: 5 });
    expect(early.objects.get(1)).toMatchObject({ bornAt: 0, changedAt: 3 });
    expect(late.objects.has(9)).toBe(false);
  });
});
