import { describe, expect, it } from "vitest";
import { engineMlpGraph } from "./engine-mlp.ts";
import type { LayoutGraph } from "../../../renderer/layout/types.ts";
import { mlpGraph, stepsOf } from "./graphs.ts";
import { scriptMlpGraph } from "./mlp-script.ts";

describe("the bench's MLP graphs", () => {
  it("the hand-built generator makes the very graph the engine traces for micrograd's MLP", () => {
    const fromEngine = engineMlpGraph(3, 4, 2);
    const generated = mlpGraph(3, 4, 2);
    const shape = (g: LayoutGraph) => ({
      nodes: g.nodes.map((n) => [n.id, n.kind, n.label]),
      edges: g.edges.map((e) => [e.source, e.target]).sort((a, b) => a[1] - b[1] || a[0] - b[0]),
    });
    expect(shape(fromEngine)).toEqual(shape(generated));
  });

  it("so does the same MLP written in Python and run by the interpreter", () => {
    const shape = (g: LayoutGraph) => ({
      nodes: g.nodes.map((n) => [n.id, n.kind, n.label]),
      edges: g.edges.map((e) => [e.source, e.target]).sort((a, b) => a[1] - b[1] || a[0] - b[0]),
    });
    expect(shape(scriptMlpGraph(3, 4, 2))).toEqual(shape(mlpGraph(3, 4, 2)));
  });

  it("splits a traced graph into the same append steps the generator records", () => {
    const generated = mlpGraph(3, 4, 2);
    const norm = (steps: ReturnType<typeof stepsOf>) =>
      steps.map((s) => ({
        nodes: s.nodes.map((n) => n.id),
        edges: s.edges.map((e) => `${e.source}>${e.target}`).sort(),
      }));
    expect(norm(stepsOf(engineMlpGraph(3, 4, 2)))).toEqual(norm(generated.steps));
  });
});
