import { describe, expect, it } from "vitest";
import { countRouteCrossings, layoutGraph, relayout } from "../../../renderer/layout/index.ts";
import type { LayoutGraph } from "../../../renderer/layout/types.ts";
import { downwardEdges, overlappingPairs } from "./checks.ts";
import {
  chainGraph,
  diamondGraph,
  fanInGraph,
  mlpGraph,
  nestedEdgesGraph,
  opNode,
  recurrentGraph,
  stackOfChainGraph,
  sumOverTensorGraph,
} from "./graphs.ts";

/** x * x: MulBackward0 has two edges from the same AccumulateGrad. */
function squareGraph(): LayoutGraph {
  return {
    nodes: [opNode(1, "AccumulateGrad", "accumulate"), opNode(2, "MulBackward0")],
    edges: [
      { source: 1, target: 2 },
      { source: 1, target: 2 },
    ],
  };
}

/** a -> b -> c -> d and a -> d: one edge skips two layers. */
function skipGraph(): LayoutGraph {
  const nodes = [1, 2, 3, 4].map((id) => opNode(id, "AddBackward0"));
  return {
    nodes,
    edges: [
      { source: 1, target: 2 },
      { source: 2, target: 3 },
      { source: 3, target: 4 },
      { source: 1, target: 4 },
    ],
  };
}

const shapes: { name: string; graph: LayoutGraph }[] = [
  { name: "chain", graph: chainGraph(6) },
  { name: "diamond", graph: diamondGraph() },
  { name: "fan-in", graph: fanInGraph(7) },
  { name: "x * x", graph: squareGraph() },
  { name: "skip edge", graph: skipGraph() },
  { name: "MLP 3-4-4-1", graph: mlpGraph(3, 4, 2) },
  { name: "MLP ~500 nodes", graph: mlpGraph(3, 8, 3) },
  { name: "sum() over a tensor (fan-out to every layer)", graph: sumOverTensorGraph(60) },
  { name: "a recurrent loop (a weight feeding every step)", graph: recurrentGraph(40) },
  { name: "stack() of a chain (fan-in from every layer)", graph: stackOfChainGraph(50) },
  { name: "nested long edges", graph: nestedEdgesGraph(30) },
];

describe.each(shapes)("layout of $name", ({ graph }) => {
  const layout = layoutGraph(graph);

  it("places every node, and no two nodes overlap", () => {
    expect([...layout.positions.keys()].sort((a, b) => a - b)).toEqual(
      graph.nodes.map((n) => n.id).sort((a, b) => a - b),
    );
    expect(overlappingPairs(layout.positions)).toEqual([]);
  });

  it("draws every edge from input below to output above", () => {
    expect(downwardEdges(graph, layout.positions)).toEqual([]);
  });

  it("routes each edge from the top of its source to the bottom of its target, always rising", () => {
    expect(layout.routes.map((r) => [r.source, r.target])).toEqual(
      graph.edges.map((e) => [e.source, e.target]),
    );
    for (const route of layout.routes) {
      const s = layout.positions.get(route.source)!;
      const t = layout.positions.get(route.target)!;
      expect(route.points[0]).toEqual([s.x, s.y - s.height / 2]);
      expect(route.points[route.points.length - 1]).toEqual([t.x, t.y + t.height / 2]);
      // in between, at most one point on the centre line of each layer crossed
      expect(route.points.length).toBeLessThanOrEqual(t.layer - s.layer + 1);
      for (const [, y] of route.points.slice(1, -1)) {
        const layer = -y / layout.layerPitch;
        expect(Number.isInteger(Math.round(layer * 1e6) / 1e6)).toBe(true);
        expect(layer).toBeGreaterThan(s.layer);
        expect(layer).toBeLessThan(t.layer);
      }
      for (let i = 1; i < route.points.length; i++)
        expect(route.points[i][1]).toBeLessThan(route.points[i - 1][1]);
    }
  });

  it("keeps every node and route inside the bounding box", () => {
    const b = layout.bounds;
    for (const p of layout.positions.values()) {
      expect(p.x - p.width / 2).toBeGreaterThanOrEqual(b.minX);
      expect(p.x + p.width / 2).toBeLessThanOrEqual(b.maxX);
      expect(p.y - p.height / 2).toBeGreaterThanOrEqual(b.minY);
      expect(p.y + p.height / 2).toBeLessThanOrEqual(b.maxY);
    }
    expect(b.minX).toBe(0);
  });

  it("is deterministic: the same graph, even a copy with its nodes listed in another order, gives the same layout", () => {
    expect(layoutGraph(structuredClone(graph))).toEqual(layout);
    const withOrder = graph.nodes.map((n, i) => ({ ...n, order: i }));
    const shuffled = { nodes: withOrder.slice().reverse(), edges: graph.edges.slice() };
    const again = layoutGraph(shuffled);
    expect(again.positions).toEqual(
      layoutGraph({ nodes: withOrder, edges: graph.edges }).positions,
    );
  });
});

describe("layout geometry, checked by hand", () => {
  it("stacks a chain in a straight vertical line, one layer per node, leaf at the bottom", () => {
    const layout = layoutGraph(chainGraph(5));
    const xs = new Set([...layout.positions.values()].map((p) => p.x));
    expect(xs.size).toBe(1);
    expect([1, 2, 3, 4, 5].map((id) => layout.positions.get(id)!.layer)).toEqual([0, 1, 2, 3, 4]);
    // pitch = tallest node (28) + rankSep (36)
    expect([1, 2, 3, 4, 5].map((id) => layout.positions.get(id)!.y)).toEqual([
      0, -64, -128, -192, -256,
    ]);
  });

  it("draws a diamond symmetric, the two middle nodes as close as the 18 px gap allows", () => {
    const p = layoutGraph(diamondGraph()).positions;
    const [a, b, c, d] = [1, 2, 3, 4].map((id) => p.get(id)!);
    expect([a.layer, b.layer, c.layer, d.layer]).toEqual([0, 1, 1, 2]);
    expect(d.x).toBeCloseTo(a.x, 0);
    expect(Math.abs(c.x - b.x)).toBeCloseTo(80 + 18, 0);
    expect((b.x + c.x) / 2).toBeCloseTo(a.x, 0);
  });

  it("centres a fan-in op over its inputs, which sit side by side 18 px apart", () => {
    const p = layoutGraph(fanInGraph(5)).positions;
    const leaves = [1, 2, 3, 4, 5].map((id) => p.get(id)!);
    const sink = p.get(6)!;
    expect(sink.x).toBeCloseTo(leaves.reduce((s, l) => s + l.x, 0) / 5, 0);
    for (let i = 1; i < 5; i++) expect(leaves[i].x - leaves[i - 1].x).toBeCloseTo(118 + 18, 0);
  });

  it("puts each weight's AccumulateGrad one layer under the op that uses it, even in the last layer", () => {
    const graph = mlpGraph(3, 4, 2);
    const p = layoutGraph(graph).positions;
    const accumulate = new Set(graph.nodes.filter((n) => n.kind === "accumulate").map((n) => n.id));
    const fromLeaves = graph.edges.filter((e) => accumulate.has(e.source));
    expect(fromLeaves.length).toBe(accumulate.size);
    for (const e of fromLeaves) expect(p.get(e.target)!.layer - p.get(e.source)!.layer).toBe(1);
  });

  it("draws a single neuron (a tree) without any crossing", () => {
    const layout = layoutGraph(mlpGraph(4, 1, 0));
    expect(countRouteCrossings(layout.positions, layout.routes)).toBe(0);
  });

  it("the overlap check notices nodes pushed into each other (a negative gap)", () => {
    expect(overlappingPairs(layoutGraph(fanInGraph(3), { nodeSep: -30 }).positions)).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });

  it("lays out the empty graph as nothing", () => {
    const layout = layoutGraph({ nodes: [], edges: [] });
    expect(layout.positions.size).toBe(0);
    expect(layout.bounds).toEqual({ minX: 0, minY: 0, maxX: 0, maxY: 0 });
  });

  it.each([
    {
      name: "an edge to an unknown node",
      graph: { nodes: [opNode(1, "A")], edges: [{ source: 1, target: 9 }] },
      message: /not in the graph/,
    },
    {
      name: "a cycle",
      graph: {
        nodes: [opNode(1, "A"), opNode(2, "B")],
        edges: [
          { source: 1, target: 2 },
          { source: 2, target: 1 },
        ],
      },
      message: /cycle/,
    },
    {
      name: "a repeated id",
      graph: { nodes: [opNode(1, "A"), opNode(1, "B")], edges: [] },
      message: /duplicate/,
    },
  ])("refuses $name with a clear message", ({ graph, message }) => {
    expect(() => relayout(graph)).toThrow(message);
  });
});
