import { describe, expect, it } from "vitest";
import { fitText, placePills } from "../../../../renderer/src/graph/labelPlacement.ts";
import { createInterner, sameData } from "../../../../renderer/src/graph/intern.ts";
import type { GraphModel } from "../../../../renderer/src/graph/graphModel.ts";

describe("placePills", () => {
  it("slides a pill off its neighbour when two short edges sit 30 px apart", () => {
    // two vertical edges 30 px apart, 60 px long: 80 px pills at both midpoints would overlap
    const down1: [number, number][] = [[0, 0], [0, 60]];
    const down2: [number, number][] = [[30, 0], [30, 60]];
    const t = placePills([
      { key: "a", down: down1, width: 80 },
      { key: "b", down: down2, width: 80 },
    ]);
    expect(t.get("a")).toBe(0.5);
    const yb = 60 * (t.get("b") as number);
    expect(Math.abs(yb - 30)).toBeGreaterThanOrEqual(18); // pill height, so they no longer overlap
  });
  it("leaves far-apart pills at the middle", () => {
    const t = placePills([
      { key: "a", down: [[0, 0], [0, 60]], width: 80 },
      { key: "b", down: [[500, 0], [500, 60]], width: 80 },
    ]);
    expect([t.get("a"), t.get("b")]).toEqual([0.5, 0.5]);
  });
});

describe("fitText", () => {
  it.each([
    [".grad [1, 2, 3]", 20, ".grad [1, 2, 3]"],
    [".grad [0.1, 0.2, 0.3, 0.4] (12)", 10, ".grad [0.…"],
  ])("%s in %d chars -> %s", (text, n, want) => expect(fitText(text, n)).toBe(want));
});

describe("interner", () => {
  const node = (id: number, grad: string | null) => ({ id, kind: "leaf", name: "AccumulateGrad", names: [], order: 0, shape: [], saved: [], bornAt: 0, status: "idle", version: null, versionNow: false, grad, accumulation: null, sum: null, result: null, freed: null, seed: null, error: false, hooks: [], tensor: -id, width: 96, height: 58, tangent: null }) as GraphModel["nodes"][number];
  it("keeps unchanged nodes' identity and replaces changed ones", () => {
    const i = createInterner();
    const a = i.intern({ nodes: [node(-1, "None"), node(-2, "None")], edges: [] });
    const b = i.intern({ nodes: [node(-1, "None"), node(-2, "1.")], edges: [] });
    expect(b.nodes[0]).toBe(a.nodes[0]);
    expect(b.nodes[1]).not.toBe(a.nodes[1]);
    expect(b.nodes[1].grad).toBe("1.");
    const c = i.intern({ nodes: [node(-1, "None"), node(-2, "1.")], edges: [] });
    expect(c).toBe(b);
  });
  it("compares nested data", () => {
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
  });
});
