import { describe, expect, it } from "vitest";
import {
  collapseGraph,
  findRepeatedChains,
  groupIdFor,
  layoutGraph,
} from "../../../renderer/layout/index.ts";
import { downwardEdges, overlappingPairs } from "./checks.ts";
import { chainGraph, mlpGraph } from "./graphs.ts";

describe("finding a neuron's chain of mul/add", () => {
  it("groups one 3-input neuron as 3 AddBackward0 links with its 3 products, 3 weights and bias (10 nodes), not its tanh", () => {
    // ids in creation order: w0 1, mul0 2, b 3, add0 4, w1 5, mul1 6, add1 7, w2 8, mul2 9, add2 10, tanh 11
    const graph = mlpGraph(3, 1, 0);
    const groups = findRepeatedChains(graph);
    expect(groups).toEqual([
      {
        id: groupIdFor(10),
        label: "3× AddBackward0 (10 nodes)",
        chainLabel: "AddBackward0",
        chainLength: 3,
        members: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        top: 10,
      },
    ]);
  });

  it("finds one group per neuron in an MLP, disjoint, leaving out the tanh nodes every next neuron shares", () => {
    const graph = mlpGraph(3, 4, 2);
    const groups = findRepeatedChains(graph);
    expect(groups.length).toBe(4 + 4 + 1);
    const seen = new Set<number>();
    for (const g of groups)
      for (const m of g.members) {
        expect(seen.has(m)).toBe(false);
        seen.add(m);
      }
    const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
    expect([...seen].filter((id) => label.get(id) === "TanhBackward0")).toEqual([]);
    // every node but the tanh, sub and pow nodes is inside some neuron
    expect(seen.size).toBe(graph.nodes.length - 9 - 2);
  });

  it.each([
    { name: "a one-input neuron (a chain of one add)", graph: mlpGraph(1, 1, 0) },
    {
      name: "a chain of distinct ops",
      graph: {
        nodes: chainGraph(4).nodes.map((n, i) => ({ ...n, label: `Op${i}` })),
        edges: chainGraph(4).edges,
      },
    },
  ])("finds nothing to collapse in $name", ({ graph }) => {
    expect(findRepeatedChains(graph)).toEqual([]);
  });

  it("does treat a chain of one repeated op (exp(exp(exp(x)))) as repeated structure", () => {
    const groups = findRepeatedChains(chainGraph(4));
    expect(groups.map((g) => [g.chainLength, g.members])).toEqual([[3, [1, 2, 3, 4]]]);
  });
});

describe("collapsing and expanding", () => {
  const graph = mlpGraph(3, 4, 2);
  const groups = findRepeatedChains(graph);
  const all = groups.map((g) => g.id);

  it("collapsing nothing gives the same graph", () => {
    expect(collapseGraph(graph, groups, []).graph).toEqual({
      nodes: graph.nodes,
      edges: graph.edges,
    });
  });

  it("collapsing every neuron leaves one node per neuron plus the shared tanh, sub and pow nodes", () => {
    const { graph: reduced, hiddenIn } = collapseGraph(graph, groups, all);
    expect(reduced.nodes.length).toBe(9 + 9 + 2);
    expect(reduced.nodes.filter((n) => n.kind === "group").length).toBe(9);
    // hidden layer 2 neurons each take all 4 tanh of layer 1 (4 x 4), the output neuron all 4 of layer 2,
    // every neuron feeds its tanh (9), then tanh -> sub -> pow (2)
    expect(reduced.edges.length).toBe(16 + 4 + 9 + 2);
    for (const g of groups) for (const m of g.members) expect(hiddenIn.get(m)).toBe(g.id);
    const layout = layoutGraph(reduced);
    expect(overlappingPairs(layout.positions)).toEqual([]);
    expect(downwardEdges(reduced, layout.positions)).toEqual([]);
  });

  it("round-trips: collapse some, expand them one by one, and the graph is the original again", () => {
    let open = all.filter((_, i) => i % 2 === 0);
    expect(collapseGraph(graph, groups, open).graph.nodes.length).toBeLessThan(graph.nodes.length);
    while (open.length > 0) {
      const expandedOne = open.slice(1);
      const reduced = collapseGraph(graph, groups, expandedOne).graph;
      expect(reduced.nodes.some((n) => n.id === open[0])).toBe(false);
      open = expandedOne;
    }
    expect(collapseGraph(graph, groups, open).graph).toEqual({
      nodes: graph.nodes,
      edges: graph.edges,
    });
  });

  it("keeps a collapsed group in creation order, between the nodes made just before and after the neuron", () => {
    const { graph: reduced } = collapseGraph(graph, groups, [groups[1].id]);
    const at = reduced.nodes.findIndex((n) => n.id === groups[1].id);
    const topIndex = graph.nodes.findIndex((n) => n.id === groups[1].top);
    expect(reduced.nodes[at - 1].id).toBe(graph.nodes[topIndex - groups[1].members.length].id);
    expect(reduced.nodes[at + 1].id).toBe(graph.nodes[topIndex + 1].id);
    expect(reduced.nodes[at].order).toBeUndefined();
    const numbered = {
      nodes: graph.nodes.map((n, i) => ({ ...n, order: 100 + i })),
      edges: graph.edges,
    };
    const fromNumbered = collapseGraph(numbered, groups, [groups[1].id]).graph;
    expect(fromNumbered.nodes.find((n) => n.id === groups[1].id)!.order).toBe(100 + topIndex);
  });
});
