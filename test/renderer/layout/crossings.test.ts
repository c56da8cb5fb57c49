import { describe, expect, it } from "vitest";
import { countSegmentCrossings } from "../../../renderer/layout/bilayer-crossings.ts";
import { countRouteCrossings } from "../../../renderer/layout/route-crossings.ts";
import type { DrawnEdge, DrawnNode } from "../../../renderer/layout/route-crossings.ts";

describe("countSegmentCrossings (segments between two lines, by end ranks)", () => {
  it.each([
    { name: "nothing", lower: [], upper: [], expected: 0 },
    { name: "one segment", lower: [0], upper: [5], expected: 0 },
    { name: "an X", lower: [0, 1], upper: [1, 0], expected: 1 },
    { name: "two parallel", lower: [0, 1], upper: [0, 1], expected: 0 },
    { name: "a shared lower end", lower: [0, 0], upper: [1, 0], expected: 0 },
    { name: "a shared upper end", lower: [0, 1], upper: [0, 0], expected: 0 },
    {
      name: "K(2,2): only 0->1 and 1->0 cross",
      lower: [0, 0, 1, 1],
      upper: [0, 1, 0, 1],
      expected: 1,
    },
    {
      name: "K(3,3): C(3,2) * C(3,2)",
      lower: [0, 0, 0, 1, 1, 1, 2, 2, 2],
      upper: [0, 1, 2, 0, 1, 2, 0, 1, 2],
      expected: 9,
    },
    { name: "full reversal of 4", lower: [0, 1, 2, 3], upper: [3, 2, 1, 0], expected: 6 },
    {
      name: "non-integer positions, fully reversed",
      lower: [10.5, -3, 7],
      upper: [0.25, 2, 1],
      expected: 3,
    },
  ])("$name: $expected", ({ lower, upper, expected }) => {
    expect(countSegmentCrossings(lower, upper)).toBe(expected);
  });
});

describe("countRouteCrossings (a drawn layout, layer lines from node centres)", () => {
  const nodes = (entries: [number, number, number][]): Map<number, DrawnNode> =>
    new Map(entries.map(([id, x, y]) => [id, { x, y }]));
  it.each<{ name: string; nodes: Map<number, DrawnNode>; edges: DrawnEdge[]; expected: number }>([
    {
      name: "two straight edges crossing between two layers",
      nodes: nodes([
        [1, 0, 0],
        [2, 100, 0],
        [3, 0, -100],
        [4, 100, -100],
      ]),
      edges: [
        { source: 1, target: 4, points: [] },
        { source: 2, target: 3, points: [] },
      ],
      expected: 1,
    },
    {
      name: "a long edge routed straight past a short one: no crossing",
      nodes: nodes([
        [1, 0, 0],
        [2, 100, 0],
        [3, 100, -100],
        [4, 0, -200],
      ]),
      edges: [
        { source: 1, target: 4, points: [[0, -100]] },
        { source: 2, target: 3, points: [] },
      ],
      expected: 0,
    },
    {
      name: "the same long edge routed around the far side of the short one: one crossing, read off the route",
      nodes: nodes([
        [1, 0, 0],
        [2, 100, 0],
        [3, 100, -100],
        [4, 0, -200],
      ]),
      edges: [
        { source: 1, target: 4, points: [[200, -100]] },
        { source: 2, target: 3, points: [] },
      ],
      expected: 1,
    },
    {
      name: "edges listed target-first in y (a layout drawn upside down) count the same",
      nodes: nodes([
        [1, 0, 0],
        [2, 100, 0],
        [3, 0, 100],
        [4, 100, 100],
      ]),
      edges: [
        { source: 1, target: 4, points: [] },
        { source: 2, target: 3, points: [] },
      ],
      expected: 1,
    },
  ])("$name", ({ nodes, edges, expected }) => {
    expect(countRouteCrossings(nodes, edges)).toBe(expected);
  });
});
