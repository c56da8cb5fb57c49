import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { buildGraph } from "../../../renderer/src/graph/graphModel.ts";
import { createGraphBuilder } from "../../../renderer/src/graph/graphStore.ts";
import { createPlacer, layoutOf, place } from "../../../renderer/src/graph/graphLayout.ts";
import { buildMemory, createMemoryBuilder } from "../../../renderer/src/memory/memoryModel.ts";
import { consoleRuns, createConsoleRuns } from "../../../renderer/src/console/consoleRuns.ts";
import { mlpScript } from "../layout/mlp-script.ts";

// The step-to-step view models (which keep last step's objects) must show exactly what the
// from-scratch models show, at every step, however the learner moves through a real trace.

function trace(source: string): TraceEvent[] {
  const events: TraceEvent[] = [];
  runPython(source, { sink: (e) => events.push(e), filename: "t.py", onStdout: () => {}, onStderr: () => {} });
  return events;
}

const caseScript = (name: string) => readFileSync(new URL(`../../conformance/cases/${name}.py`, import.meta.url), "utf8");

const TRACES: [string, string][] = [
  ["a small MLP (forward, backward, sums at shared inputs)", mlpScript(3, 3, 1)],
  ["the alias pitfall (create_graph, x.grad.zero_(), a warning)", readFileSync(new URL("../../e2e/scripts/problem3_alias.py", import.meta.url), "utf8")],
  ...["ag_inplace_rebase", "ag_inplace_copy_grad", "ag_grad_create_graph", "ag_paths_meet", "ag_retain_grad", "err_backward_twice_caught", "backward_twice_error", "accumulate_three_times"].map(
    (n): [string, string] => [n, caseScript(n)],
  ),
  ...["node_hooks", "retain_grad_and_hooks", "tensor_register_hook", "custom_function_exp", "forward_ad_basics", "forward_ad_inplace", "forward_ad_custom_function"].map((n): [string, string] => [
    `hooks and custom Functions (${n})`,
    readFileSync(new URL(`../../conformance/autograd/${n}.py`, import.meta.url), "utf8"),
  ]),
  ["hook marks come and go (e2e's hook_doubles)", readFileSync(new URL("../../e2e/scripts/hook_doubles.py", import.meta.url), "utf8")],
  ...["training_loop", "rebind_and_del", "functions"].map((n): [string, string] => [
    `graphs freed (${n})`,
    readFileSync(new URL(`../../fixtures/liveness/${n}.py`, import.meta.url), "utf8"),
  ]),
];

/** Every step forwards, every step backwards, statement jumps, then random seeks (seeded). */
function walk(length: number, cursor: TraceCursor): number[] {
  const steps: number[] = [];
  for (let k = -1; k < length; k++) steps.push(k);
  for (let k = length - 1; k >= -1; k--) steps.push(k);
  for (const end of cursor.statementEnds()) steps.push(end);
  let seed = 12345;
  for (let i = 0; i < 60; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    steps.push((seed % (length + 1)) - 1);
    steps.push(Math.min(length - 1, steps[steps.length - 1] + 1));
  }
  return steps;
}

function expectSame<T>(made: T, fresh: T, where: string): void {
  // stringify first: toEqual on thousands of steps is slow, and it only matters when they differ
  if (JSON.stringify(made) !== JSON.stringify(fresh)) expect(made, where).toEqual(fresh);
}

describe.each(TRACES)("step-to-step models equal the from-scratch ones: %s", (_name, source) => {
  const events = trace(source);
  const cursor = new TraceCursor(events, 16);
  const steps = walk(events.length, cursor);
  const layout = events.length ? layoutOf(buildGraph(cursor.at(events.length - 1))) : null;

  it("the trace is a real run with a graph", () => {
    expect(events.length).toBeGreaterThan(10);
    expect(buildGraph(cursor.at(events.length - 1)).nodes.length).toBeGreaterThan(0);
  });

  it("graph: nodes, edges, names, .grad slots, sums, seeds, versions at every step", () => {
    const graphOf = createGraphBuilder();
    for (const k of steps) expectSame(graphOf(cursor.at(k)), buildGraph(cursor.at(k)), `graph at step ${k}`);
  });

  it("graph positions at every step", () => {
    const graphOf = createGraphBuilder();
    const placeOf = createPlacer();
    for (const k of steps) {
      const g = graphOf(cursor.at(k));
      const a = placeOf(g, layout);
      const b = place(buildGraph(cursor.at(k)), layout);
      const byId = (m: Map<number, unknown>) => [...m].sort((p, q) => p[0] - q[0]);
      expectSame(byId(a.positions), byId(b.positions), `positions at step ${k}`);
      expectSame(a.bounds, b.bounds, `bounds at step ${k}`);
      for (const e of g.edges) expectSame(a.routeOf(e.source, e.target), b.routeOf(e.source, e.target), `route at step ${k}`);
    }
  });

  it("memory: names, objects, storages, arrows at every step", () => {
    const memoryOf = createMemoryBuilder();
    for (const k of steps) expectSame(memoryOf(cursor.at(k)), buildMemory(cursor.at(k)), `memory at step ${k}`);
  });

  it("console text at every step", () => {
    const runsOf = createConsoleRuns();
    for (const k of steps) expect(runsOf(cursor.at(k).console), `console at step ${k}`).toEqual(consoleRuns(cursor.at(k).console));
  });
});

describe("a step on the MLP redraws only what it changed", () => {
  const events = trace(mlpScript(4, 6, 2));
  const cursor = new TraceCursor(events);

  it("one step forward keeps all but a few node objects, and a step that changes nothing keeps the model", () => {
    const graphOf = createGraphBuilder();
    const backward = events.findIndex((e) => e.kind === "backward/started");
    const k = backward > 0 ? backward - 20 : Math.floor(events.length / 2);
    const before = graphOf(cursor.at(k - 1));
    const after = graphOf(cursor.at(k));
    const kept = after.nodes.filter((n) => before.nodes.includes(n)).length;
    expect(after.nodes.length).toBeGreaterThan(50);
    expect(after.nodes.length - kept).toBeLessThanOrEqual(3);
    expect(graphOf(cursor.at(k))).toBe(after);
  });

  it("mid-backward, one node/executed step remakes only the nodes and edges it touches", () => {
    const graphOf = createGraphBuilder();
    const k = events.findIndex((e, i) => e.kind === "node/executed" && i > events.findIndex((x) => x.kind === "backward/started") + 30);
    const before = graphOf(cursor.at(k - 1));
    const after = graphOf(cursor.at(k));
    expect(after.nodes.filter((n) => !before.nodes.includes(n)).length).toBeLessThanOrEqual(4);
    expect(after.edges.filter((e) => !before.edges.includes(e)).length).toBeLessThanOrEqual(8);
  });
});
