import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";
import { graphFromTrace } from "../../../renderer/layout/from-trace.ts";
import { DUMMY_BUDGET_PER_ELEMENT } from "../../../renderer/layout/layered-graph.ts";
import { corners, relayout } from "../../../renderer/layout/layout.ts";
import type { LayoutGraph } from "../../../renderer/layout/types.ts";
import { nestedEdgesGraph, sumOverTensorGraph } from "./graphs.ts";

function traced(source: string): LayoutGraph {
  const events: TraceEvent[] = [];
  const outcome = runPython(source, {
    sink: (e) => events.push(e),
    filename: "fan.py",
    onStdout: () => undefined,
  });
  if (outcome.exitCode !== 0) throw new Error(outcome.stderr);
  return graphFromTrace(events);
}

/** Programs whose graphs have a node feeding (or fed from) every layer, at two sizes 4x apart, both
 *  past the size below which the ordering tries extra starts (so work per element is comparable). */
const programs: { name: string; source: (n: number) => string; sizes: number[] }[] = [
  {
    name: "y = sum(x) over a tensor (UnbindBackward0 feeds every AddBackward0)",
    source: (n) => `import torch\nx = torch.randn(${n}, requires_grad=True)\ny = sum(x)\n`,
    sizes: [1000, 4000],
  },
  {
    name: "h = torch.tanh(W @ h + 1) in a loop (W feeds every step)",
    source: (n) =>
      `import torch\nW = torch.randn(4, 4, requires_grad=True)\nh = torch.zeros(4)\nfor i in range(${n}):\n    h = torch.tanh(W @ h + 1)\n`,
    sizes: [600, 2400],
  },
  {
    name: "torch.stack of every step of a running sum (fan-in and fan-out)",
    source: (n) =>
      `import torch\nx = torch.tensor(0.5, requires_grad=True)\nhs = []\nh = x\nfor i in range(${n}):\n    h = h * 0.9 + x\n    hs.append(h)\ny = torch.stack(hs).sum()\n`,
    sizes: [1000, 4000],
  },
];

const elements = (g: LayoutGraph): number => g.nodes.length + g.edges.length;
const routePoints = (state: ReturnType<typeof relayout>): number =>
  state.layout.routes.reduce((sum, r) => sum + r.points.length, 0);

describe("fan-out and fan-in: the layout's work grows linearly with the graph", () => {
  it.each(programs)("$name", ({ source, sizes }) => {
    const [small, large] = sizes.map((n) => traced(source(n)));
    const a = relayout(small);
    const b = relayout(large);
    const growth = elements(large) / elements(small);
    expect(growth).toBeGreaterThan(3.5);
    // work per node and edge stays put (a dummy per crossed layer per edge would grow it 4x)
    expect(b.stats.work / elements(large)).toBeLessThan(1.1 * (a.stats.work / elements(small)));
    expect(b.stats.dummies).toBeLessThanOrEqual(2 * elements(large));
    expect(routePoints(b)).toBeLessThanOrEqual(8 * large.edges.length);
    expect(b.stats.unrouted).toBe(0);
  });

  it("nested long edges no bundle can share: over the budget, the longest are drawn straight", () => {
    const small = nestedEdgesGraph(50);
    const large = nestedEdgesGraph(400);
    const a = relayout(small);
    const b = relayout(large);
    expect(b.stats.dummies).toBeLessThanOrEqual(DUMMY_BUDGET_PER_ELEMENT * elements(large));
    expect(b.stats.unrouted).toBeGreaterThan(0);
    expect(b.stats.work / elements(large)).toBeLessThan(1.2 * (a.stats.work / elements(small)));
    const longest = b.layout.routes.find((r) => r.source === 1 && r.target === 800)!;
    expect(longest.points.length).toBe(2);
  });

  it("an edge leaving a straight fan-out bundle has a handful of points, not one per layer", () => {
    const state = relayout(sumOverTensorGraph(400));
    const top = state.layout.routes.find((r) => r.source === 2 && r.target === 402)!;
    expect(state.layout.positions.get(402)!.layer).toBeGreaterThan(300);
    expect(top.points.length).toBeLessThanOrEqual(8);
  });
});

describe("corners: where a line with one point per layer turns", () => {
  it.each([
    { name: "a straight vertical line", xs: [5, 5, 5, 5, 5], expected: [] },
    { name: "a straight slanted line", xs: [0, 2, 4, 6, 8], expected: [] },
    { name: "one bend", xs: [0, 0, 0, 10, 20], expected: [2] },
    { name: "a wiggle within the tolerance", xs: [0, 0.3, 0, 0.3, 0], expected: [] },
    { name: "a step out and back", xs: [0, 0, 8, 8, 0, 0], expected: [1, 2, 3, 4] },
    { name: "too short to bend", xs: [3, 7], expected: [] },
  ])("$name", ({ xs, expected }) => {
    expect(corners(xs, 0.5)).toEqual(expected);
  });
});
