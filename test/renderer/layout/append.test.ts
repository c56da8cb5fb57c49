import { describe, expect, it } from "vitest";
import { appendNode, appendNodes, relayout, removeNodes } from "../../../renderer/layout/index.ts";
import type { LayoutState } from "../../../renderer/layout/index.ts";
import { downwardEdges, overlappingPairs } from "./checks.ts";
import { chainGraph, fanInGraph, mlpGraph, opNode, type MlpGraph } from "./graphs.ts";

function snapshot(state: LayoutState): Map<number, { x: number; y: number }> {
  return new Map([...state.layout.positions].map(([id, p]) => [id, { x: p.x, y: p.y }]));
}

function replay(graph: MlpGraph, fromStep: number): { state: LayoutState; moves: number[] } {
  const head = graph.steps.slice(0, fromStep);
  const state = relayout({
    nodes: head.flatMap((s) => s.nodes),
    edges: head.flatMap((s) => s.edges),
  });
  const moves: number[] = [];
  for (const step of graph.steps.slice(fromStep)) {
    const before = snapshot(state);
    appendNodes(state, step.nodes, step.edges);
    let largest = 0;
    for (const [id, p] of before) {
      const now = state.layout.positions.get(id)!;
      largest = Math.max(largest, Math.hypot(now.x - p.x, now.y - p.y));
    }
    moves.push(largest);
  }
  return { state, moves };
}

describe("appending ops as the forward pass creates them", () => {
  const graph = mlpGraph(3, 4, 2);
  const half = Math.floor(graph.steps.length / 2);

  it.each([
    { name: "onto a full layout of the first half", from: half },
    { name: "from an empty graph", from: 0 },
  ])("$name: never moves a placed node, never overlaps, keeps inputs below outputs", ({ from }) => {
    const { state, moves } = replay(graph, from);
    expect(Math.max(...moves)).toBe(0);
    expect(state.layout.positions.size).toBe(graph.nodes.length);
    expect(overlappingPairs(state.layout.positions)).toEqual([]);
    expect(downwardEdges(graph, state.layout.positions)).toEqual([]);
    expect(state.layout.routes.length).toBe(graph.edges.length);
  });

  it("spaces layers grown from an empty layout as a full layout does", () => {
    expect(replay(graph, 0).state.layout.layerPitch).toBe(relayout(graph).layout.layerPitch);
  });

  it("puts a new weight's AccumulateGrad right under the op made in the same step", () => {
    const { state } = replay(graph, 0);
    const p = state.layout.positions;
    for (const step of graph.steps) {
      const op = step.nodes[step.nodes.length - 1];
      for (const leaf of step.nodes.slice(0, -1)) {
        expect(p.get(leaf.id)!.layer).toBe(p.get(op.id)!.layer - 1);
        expect(p.get(leaf.id)!.x).toBe(p.get(op.id)!.x);
      }
    }
  });

  it("is deterministic: the same appends give the same positions", () => {
    expect(replay(graph, half).state.layout).toEqual(replay(graph, half).state.layout);
  });

  it("keeps the graph it has grown, so a relayout of it equals a relayout of the whole graph", () => {
    const { state } = replay(graph, half);
    expect(relayout(state.graph).layout).toEqual(relayout(graph).layout);
  });

  it("grows the bounding box to hold what it placed", () => {
    const { state } = replay(graph, half);
    const b = state.layout.bounds;
    for (const p of state.layout.positions.values()) {
      expect(p.x - p.width / 2).toBeGreaterThanOrEqual(b.minX);
      expect(p.x + p.width / 2).toBeLessThanOrEqual(b.maxX);
      expect(p.y - p.height / 2).toBeGreaterThanOrEqual(b.minY);
    }
  });
});

describe("stepping back and forth", () => {
  it("removing the last steps and appending them again puts every node back where it was", () => {
    const graph = mlpGraph(3, 4, 2);
    const half = Math.floor(graph.steps.length / 2);
    const { state } = replay(graph, half);
    const full = structuredClone(state.layout);
    const lastSteps = graph.steps.slice(-10);
    for (const step of lastSteps.slice().reverse())
      removeNodes(
        state,
        step.nodes.map((n) => n.id),
      );
    expect(state.layout.positions.size).toBe(
      graph.nodes.length - lastSteps.reduce((s, st) => s + st.nodes.length, 0),
    );
    for (const [id, p] of state.layout.positions) expect(p).toEqual(full.positions.get(id));
    expect(
      state.layout.routes.every(
        (r) => state.layout.positions.has(r.source) && state.layout.positions.has(r.target),
      ),
    ).toBe(true);
    for (const step of lastSteps) appendNodes(state, step.nodes, step.edges);
    expect(state.layout.positions).toEqual(full.positions);
    expect(state.graph.nodes.length).toBe(graph.nodes.length);
  });
});

describe("where an appended op goes, checked by hand", () => {
  it("goes straight above its only input, one layer up, when the spot is free", () => {
    const state = relayout(chainGraph(3));
    const top = state.layout.positions.get(3)!;
    const { placed, routes } = appendNode(state, opNode(4, "ExpBackward0"), [
      { source: 3, target: 4 },
    ]);
    expect(placed.get(4)).toEqual({
      x: top.x,
      y: top.y - state.layout.layerPitch,
      width: 104,
      height: 28,
      layer: top.layer + 1,
    });
    expect(routes).toEqual([
      {
        source: 3,
        target: 4,
        points: [
          [top.x, top.y - 14],
          [top.x, top.y - state.layout.layerPitch + 14],
        ],
      },
    ]);
  });

  it("goes beside an op already there, 18 px apart, when both want the same spot", () => {
    const state = relayout(fanInGraph(4));
    const leaves = [1, 2, 3, 4].map((source) => ({ source, target: 6 }));
    appendNode(state, opNode(6, "SumBackward0"), leaves);
    const first = state.layout.positions.get(5)!;
    const second = state.layout.positions.get(6)!;
    expect(second.layer).toBe(first.layer);
    expect(Math.abs(second.x - first.x)).toBeCloseTo((first.width + second.width) / 2 + 18, 5);
  });

  it("gives a node with no inputs a place at the bottom, right of everything there", () => {
    const state = relayout(fanInGraph(2));
    const { placed } = appendNode(state, opNode(9, "AccumulateGrad", "accumulate"), []);
    const p = placed.get(9)!;
    expect(p.layer).toBe(0);
    const rightmost = Math.max(...[1, 2].map((id) => state.layout.positions.get(id)!.x + 59));
    expect(p.x - p.width / 2).toBeCloseTo(rightmost + 18, 5);
  });

  it("refuses a batch listing an op before the op it takes as input", () => {
    const state = relayout(chainGraph(2));
    expect(() =>
      appendNodes(
        state,
        [opNode(8, "ExpBackward0"), opNode(7, "ExpBackward0")],
        [
          { source: 2, target: 7 },
          { source: 7, target: 8 },
        ],
      ),
    ).toThrow(/comes after it/);
  });

  it("puts the new leaf of x * x (two edges from one leaf) once, under the op", () => {
    const state = relayout(chainGraph(2));
    const { placed } = appendNodes(
      state,
      [opNode(7, "AccumulateGrad", "accumulate"), opNode(8, "MulBackward0")],
      [
        { source: 7, target: 8 },
        { source: 7, target: 8 },
      ],
    );
    expect([...placed.keys()]).toEqual([8, 7]);
    expect(placed.get(7)!.layer).toBe(placed.get(8)!.layer - 1);
    expect(placed.get(7)!.x).toBe(placed.get(8)!.x);
    expect(overlappingPairs(state.layout.positions)).toEqual([]);
  });

  it.each([
    {
      name: "a node already laid out",
      node: opNode(1, "X"),
      edges: [],
      message: /already laid out/,
    },
    {
      name: "an edge from an unknown node",
      node: opNode(9, "X"),
      edges: [{ source: 42, target: 9 }],
      message: /not in the graph/,
    },
    {
      name: "an edge into a placed node",
      node: opNode(9, "X"),
      edges: [{ source: 9, target: 1 }],
      message: /already placed/,
    },
  ])("refuses $name", ({ node, edges, message }) => {
    const state = relayout(chainGraph(2));
    expect(() => appendNode(state, node, edges)).toThrow(message);
  });
});
