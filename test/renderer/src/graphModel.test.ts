import { describe, expect, it } from "vitest";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { buildGraph, namesByTensor } from "../../../renderer/src/graph/graphModel.ts";
import { aliasPitfallTrace } from "../../engine/trace/engineScript.ts";

const { events, afterAlias, afterZero } = aliasPitfallTrace();
const cursor = new TraceCursor(events);
const stepAfter = (text: string) => cursor.nextStatement(events.findIndex((e) => e.kind === "statement" && e.text === text));

describe("buildGraph on the alias pitfall (real engine trace)", () => {
  it("after f = x**3: PowBackward0 named f above x's AccumulateGrad, edge from x to it", () => {
    const g = buildGraph(cursor.at(stepAfter("f = x**3")));
    const pow = g.nodes.find((n) => n.name === "PowBackward0")!;
    const leaf = g.nodes.find((n) => n.kind === "leaf")!;
    expect(pow.names).toEqual(["f"]);
    expect(leaf).toMatchObject({ name: "AccumulateGrad", names: ["x"], grad: "None" });
    expect(g.edges).toContainEqual(expect.objectContaining({ source: leaf.id, target: pow.id, shape: [] }));
    expect(pow.saved.map((s) => s.slot).length).toBeGreaterThan(0);
  });

  it("a named leaf shows before any op uses it", () => {
    const g = buildGraph(cursor.at(stepAfter("x = torch.tensor(3.0, requires_grad=True)")));
    expect(g.nodes).toEqual([expect.objectContaining({ kind: "leaf", name: "leaf", names: ["x"] })]);
  });

  it("mid-backward the executing node is lit and the gradient 27. travels to x", () => {
    const k = events.findIndex((e) => e.kind === "node/executed" && e.name === "PowBackward0");
    const g = buildGraph(cursor.at(k));
    expect(g.nodes.find((n) => n.name === "PowBackward0")!.status).toBe("executing");
    const edge = g.edges.find((e) => e.grad != null)!;
    expect(edge).toMatchObject({ grad: "27.", gradNow: true });
  });

  it("the seed 1. shows at the root while the backward runs", () => {
    const k = events.findIndex((e) => e.kind === "backward/started");
    expect(buildGraph(cursor.at(k)).nodes.find((n) => n.name === "PowBackward0")!.seed).toBe("1.");
  });

  it("accumulation: x's .grad slot goes None -> 27. and says it was stored", () => {
    const k = events.findIndex((e) => e.kind === "grad/accumulated");
    const leaf = buildGraph(cursor.at(k)).nodes.find((n) => n.kind === "leaf")!;
    expect(leaf.grad).toBe("27.");
    expect(leaf.accumulation).toMatchObject({ before: null, after: "27.", how: "stored", now: true });
  });

  it("nodes made by the create_graph backward are tagged with a higher order", () => {
    const g = buildGraph(cursor.at(afterAlias));
    expect(g.nodes.some((n) => n.kind === "op" && n.order >= 1)).toBe(true);
    expect(g.nodes.find((n) => n.name === "PowBackward0")!.order).toBe(0);
  });

  it("zero_() shows the version bump v1→v2 on the node of x.grad, named x.grad and f_prime", () => {
    const g = buildGraph(cursor.at(afterZero));
    const zero = g.nodes.find((n) => n.name === "ZeroBackward0")!;
    expect(zero.names.sort()).toEqual(["f_prime", "x.grad"]);
    // PyTorch 2.6: the .grad stored under create_graph starts at version 1 (x.grad._version prints 1)
    expect(zero).toMatchObject({ version: "v1→v2", versionNow: true });
  });

  it("keeps a node's id the same across steps (stable identity for stable positions)", () => {
    const early = buildGraph(cursor.at(stepAfter("f = x**3"))).nodes.map((n) => n.id);
    const late = new Set(buildGraph(cursor.at(events.length - 1)).nodes.map((n) => n.id));
    for (const id of early) expect(late.has(id)).toBe(true);
  });
});

describe("namesByTensor", () => {
  it("gives x.grad and f_prime the same tensor after the alias", () => {
    const s = cursor.at(afterAlias);
    const names = namesByTensor(s);
    const gradId = [...names].find(([, ns]) => ns.includes("f_prime"))![0];
    expect(names.get(gradId)!.sort()).toEqual(["f_prime", "x.grad"]);
  });
});

describe("buildGraph: a second backward adds into .grad in place", () => {
  it("shows before + delta = after with the values from before the add (x.grad: [1.5, 0, 3] + [1.5, 0, 3])", async () => {
    const { ScriptDriver } = await import("../../engine/trace/engineScript.ts");
    const T = await import("../../../engine/index.ts");
    const d = new ScriptDriver();
    d.statement("x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)");
    const x = d.bind("x", T.tensor(d.rt, [1.0, 2.0, 3.0], { requiresGrad: true }));
    d.statement("w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)");
    const w = d.bind("w", T.tensor(d.rt, [0.5, -1.0, 2.0], { requiresGrad: true }));
    d.statement("loss = (x * w + x).sum()");
    const loss = d.bind("loss", T.sum(T.add(T.mul(x, w), x)));
    d.statement("loss.backward(retain_graph=True)");
    T.backward(loss, { retainGraph: true });
    d.statement("loss.backward()");
    T.backward(loss);
    const c = new TraceCursor(d.events);
    const k = d.events.findLastIndex((e) => e.kind === "grad/accumulated" && e.leaf === x.id);
    const leaf = buildGraph(c.at(k)).nodes.find((n) => n.names.includes("x"))!;
    // d(loss)/dx = w + 1 = [1.5, 0, 3]; twice: [3, 0, 6] (recorded: tensor([3., 0., 6.]))
    expect(leaf.accumulation).toMatchObject({ before: "[1.5, 0., 3.]", delta: "[1.5, 0., 3.]", after: "[3., 0., 6.]", how: "inplace" });
  });
});
