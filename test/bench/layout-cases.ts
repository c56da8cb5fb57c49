// The layout bench's other graphs: the app's own graph of real scripts (the corpus), and programs
// in which one node feeds every layer (fan-out), where a dummy per crossed layer per edge made
// the layout quadratic.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TraceEvent } from "../../engine/events.ts";
import { runPython } from "../../engine/python/run.ts";
import { FoldedTrace } from "../../engine/trace/folded.ts";
import { graphFromTrace } from "../../renderer/layout/from-trace.ts";
import { relayout } from "../../renderer/layout/index.ts";
import type { LayoutGraph, LayoutOptions } from "../../renderer/layout/types.ts";
import { layoutOf } from "../../renderer/src/graph/graphLayout.ts";
import { buildGraph } from "../../renderer/src/graph/graphModel.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
/** what the app passes the layout (graphLayout.ts) */
const APP_OPTIONS: Partial<LayoutOptions> = { nodeSep: 30, rankSep: 34 };

function trace(source: string, filename: string): TraceEvent[] {
  const events: TraceEvent[] = [];
  runPython(source, {
    sink: (e) => events.push(e),
    filename,
    onStdout: () => undefined,
    onStderr: () => undefined,
  });
  return events;
}

/** The graph the app lays out for a script's last step, read back from the app's own layout: its
 *  nodes in creation order with their sizes, one edge per route. */
export function appGraphOf(source: string, filename = "script.py"): LayoutGraph {
  const events = trace(source, filename);
  const model = buildGraph(new FoldedTrace(events).at(events.length - 1));
  const layout = layoutOf(model);
  return {
    nodes: [...layout.positions].map(([id, p], order) => ({
      id,
      kind: "op",
      label: "",
      width: p.width,
      height: p.height,
      order,
    })),
    edges: layout.routes.map((r) => ({ source: r.source, target: r.target })),
  };
}

export interface CorpusGraph {
  label: string;
  graph: LayoutGraph;
  options: Partial<LayoutOptions>;
  /** the graph's unconnected parts (one per case): dot draws each on its own, as it would lay out
   *  the components of the whole, in seconds instead of minutes */
  parts?: LayoutGraph[];
}

/** The app's graph of its 2000-node e2e MLP script (test/e2e/scripts/mlp_2000.py), and of every
 *  conformance case with 20 nodes or more, side by side as one drawing. */
export async function corpusGraphs(): Promise<CorpusGraph[]> {
  const mlp = readFileSync(join(root, "test/e2e/scripts/mlp_2000.py"), "utf8");
  const cases: LayoutGraph = { nodes: [], edges: [] };
  const parts: LayoutGraph[] = [];
  let count = 0;
  const casesRoot = join(root, "test/conformance");
  for (const topic of readdirSync(casesRoot, { withFileTypes: true })) {
    if (!topic.isDirectory()) continue;
    for (const file of readdirSync(join(casesRoot, topic.name))
      .filter((f) => f.endsWith(".py"))
      .sort()) {
      let graph: LayoutGraph;
      try {
        graph = appGraphOf(readFileSync(join(casesRoot, topic.name, file), "utf8"), file);
      } catch {
        continue;
      }
      if (graph.nodes.length < 20) continue;
      // each case's ids moved into a range of its own, so the graphs sit side by side
      const shift = (id: number): number => (count + 1) * 10_000_000 + id;
      for (const n of graph.nodes)
        cases.nodes.push({ ...n, id: shift(n.id), order: cases.nodes.length });
      for (const e of graph.edges)
        cases.edges.push({ source: shift(e.source), target: shift(e.target) });
      parts.push(graph);
      count++;
    }
  }
  return [
    { label: "app mlp_2000.py", graph: appGraphOf(mlp, "mlp_2000.py"), options: APP_OPTIONS },
    { label: `app ${count} cases, dot per case`, graph: cases, options: APP_OPTIONS, parts },
  ];
}

const FAN_OUT: { name: string; source: (n: number) => string; sizes: number[] }[] = [
  {
    name: "y = sum(x), n elements",
    source: (n) => `import torch\nx = torch.randn(${n}, requires_grad=True)\ny = sum(x)\n`,
    sizes: [500, 2000, 5000],
  },
  {
    name: "h = tanh(W @ h + 1), n steps",
    source: (n) =>
      `import torch\nW = torch.randn(4, 4, requires_grad=True)\nh = torch.zeros(4)\nfor i in range(${n}):\n    h = torch.tanh(W @ h + 1)\n`,
    sizes: [150, 600, 2400],
  },
];

/** Work per node and edge (flat when the layout is linear) and time, as the graphs grow. */
export async function fanOutBench(): Promise<void> {
  console.log(
    "fan-out: a node feeding every layer (work = the layout's count of elementary steps, see renderer/layout/work.ts)",
  );
  console.log(
    "program                          n   nodes  edges  dummies       work  work/element   CPU ms",
  );
  for (const { name, source, sizes } of FAN_OUT) {
    for (const n of sizes) {
      const graph = graphFromTrace(trace(source(n), "fan.py"));
      relayout(graph);
      const cpu0 = process.cpuUsage();
      const state = relayout(graph);
      const cpu = process.cpuUsage(cpu0);
      const elements = graph.nodes.length + graph.edges.length;
      console.log(
        [
          name.padEnd(30),
          String(n).padStart(4),
          String(graph.nodes.length).padStart(7),
          String(graph.edges.length).padStart(6),
          String(state.stats.dummies).padStart(8),
          String(state.stats.work).padStart(10),
          (state.stats.work / elements).toFixed(0).padStart(13),
          ((cpu.user + cpu.system) / 1000).toFixed(1).padStart(8),
        ].join(" "),
      );
    }
  }
  console.log(
    "  (before bundling, y = sum(x) over 2,000 elements made ~2,000,000 dummies and froze the app for a minute)",
  );
}
