import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appendNodes, layoutGraph, relayout } from "../../../renderer/layout/index.ts";
import type { LayoutGraph } from "../../../renderer/layout/types.ts";
import { downwardEdges, overlappingPairs } from "./checks.ts";

/** Random DAGs in creation order: each node takes up to 3 inputs among earlier nodes (repeats allowed, as in x * x). */
const dagArb = fc
  .array(
    fc.record({
      width: fc.integer({ min: 20, max: 160 }),
      height: fc.integer({ min: 16, max: 40 }),
      inputs: fc.array(fc.nat(), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((specs): LayoutGraph => ({
    nodes: specs.map((s, i) => ({
      id: 10 + i,
      kind: "op",
      label: `op${i}`,
      width: s.width,
      height: s.height,
    })),
    edges: specs.flatMap((s, i) =>
      i === 0 ? [] : s.inputs.map((k) => ({ source: 10 + (k % i), target: 10 + i })),
    ),
  }));

describe("layouts of random DAGs", () => {
  it("never overlap nodes, always draw inputs below outputs, and are reproducible", () => {
    fc.assert(
      fc.property(dagArb, (graph) => {
        const layout = layoutGraph(graph);
        expect(overlappingPairs(layout.positions)).toEqual([]);
        expect(downwardEdges(graph, layout.positions)).toEqual([]);
        expect(layoutGraph(structuredClone(graph))).toEqual(layout);
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it("grow by appends without moving anything or overlapping", () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), (graph, cutSeed) => {
        const cut = cutSeed % graph.nodes.length;
        const state = relayout({
          nodes: graph.nodes.slice(0, cut),
          edges: graph.edges.filter((e) => e.target < 10 + cut),
        });
        for (let i = cut; i < graph.nodes.length; i++) {
          const before = structuredClone(state.layout.positions);
          appendNodes(
            state,
            [graph.nodes[i]],
            graph.edges.filter((e) => e.target === 10 + i),
          );
          for (const [id, p] of before) expect(state.layout.positions.get(id)).toEqual(p);
        }
        expect(overlappingPairs(state.layout.positions)).toEqual([]);
        expect(downwardEdges(graph, state.layout.positions)).toEqual([]);
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});
