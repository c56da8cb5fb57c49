import { describe, expect, it } from "vitest";
import { createEdgeEntries, parallelOffset } from "../../../renderer/src/graph/edgeEntries.ts";
import type { GraphEdgeView } from "../../../renderer/src/graph/graphModel.ts";

const edge = (source: number, target: number): GraphEdgeView => ({ source, target, shape: [], grad: null, gradGrid: null, gradNow: false, freed: false, tangent: null, forward: false }) as GraphEdgeView;

describe("edge entries kept from step to step", () => {
  it.each([
    { k: 0, offset: 0 },
    { k: 1, offset: 10 },
    { k: 2, offset: -10 },
    { k: 3, offset: 20 },
    { k: 4, offset: -20 },
  ])("the edge number $k between two nodes is drawn $offset aside", ({ k, offset }) => {
    expect(parallelOffset(k)).toBe(offset);
  });

  it("numbers parallel edges per pair, keys them as before, and keeps entries and lists that did not change", () => {
    const entries = createEdgeEntries();
    const [a, b, c] = [edge(-1, 2), edge(-1, 2), edge(2, 3)];
    const first = entries([a, b, c]);
    expect(first.map((x) => [x.key, x.offset])).toEqual([
      ["-1>2#0", 0],
      ["-1>2#1", 10],
      ["2>3#0", 0],
    ]);
    expect(entries([a, b, c])).toBe(first);
    // a new view object for one edge: a new entry for it alone
    const c2 = { ...c, gradNow: true };
    const second = entries([a, b, c2]);
    expect(second).not.toBe(first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
    expect(second[2].e).toBe(c2);
    // the first of a pair gone: the second becomes its pair's first (key and offset follow)
    const third = entries([b, c2]);
    expect(third.map((x) => [x.key, x.offset])).toEqual([
      ["-1>2#0", 0],
      ["2>3#0", 0],
    ]);
    expect(third[1]).toBe(second[2]);
  });
});
