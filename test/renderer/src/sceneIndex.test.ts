import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { createGraphStore } from "../../../renderer/src/graph/graphStore.ts";
import { createPlacer, layoutOf } from "../../../renderer/src/graph/graphLayout.ts";
import { createEdgeEntries } from "../../../renderer/src/graph/edgeEntries.ts";
import { shapeLabelKeys } from "../../../renderer/src/graph/labelPlacement.ts";
import type { GraphModel } from "../../../renderer/src/graph/graphModel.ts";
import type { Placed } from "../../../renderer/src/graph/graphLayout.ts";
import { SceneIndex, type Rect } from "../../../renderer/src/graph/sceneIndex.ts";
import { withoutFreed } from "../../../renderer/src/graph/freedView.ts";
import { mlpScript } from "../layout/mlp-script.ts";

// The scene draws what the index finds on screen: the same nodes, edges and shape labels as a scan
// of the whole model finds, at every step, stepping forwards and back and seeking, with the view
// moving (test/renderer/src/perStepWork.test.ts: a step's indexing costs what the step changed).

function trace(source: string): TraceEvent[] {
  const events: TraceEvent[] = [];
  runPython(source, { sink: (e) => events.push(e), filename: "t.py", onStdout: () => {}, onStderr: () => {} });
  return events;
}

/** What GraphScene found by scanning every node and edge (before the index). */
function scan(model: GraphModel, placed: Placed, rect: Rect | null) {
  const inView = (x: number, y: number, w: number, h: number) =>
    !rect || (x + w / 2 >= rect.minX && x - w / 2 <= rect.maxX && y + h / 2 >= rect.minY && y - h / 2 <= rect.maxY);
  const shown = model.nodes.filter((n) => {
    const p = placed.positions.get(n.id);
    return p != null && inView(p.x, p.y, p.width + 120, p.height + 60);
  });
  const ids = new Set(shown.map((n) => n.id));
  const all = createEdgeEntries()(model.edges);
  const shapes = shapeLabelKeys(all);
  const edges = all.filter(({ e }) => ids.has(e.source) || ids.has(e.target));
  return { shown: shown.map((n) => n.id), edges: edges.map((x) => x.key), shapes: edges.filter((x) => shapes.has(x.key)).map((x) => x.key) };
}

function found(index: SceneIndex, rect: Rect | null) {
  const shown = index.nodesIn(rect, [60, 30]);
  const edges = index.edgesTouching(new Set(shown.map((n) => n.id)));
  return { shown: shown.map((n) => n.id), edges: edges.map((x) => x.key), shapes: edges.filter((x) => index.carriesShape(x)).map((x) => x.key) };
}

const TRACES: [string, string][] = [
  ["an MLP", `${mlpScript(4, 6, 2)}loss.backward()\n`],
  ["the alias pitfall", readFileSync(new URL("../../e2e/scripts/problem3_alias.py", import.meta.url), "utf8")],
  ...["ag_inplace_rebase", "ag_grad_create_graph", "ag_paths_meet", "accumulate_three_times"].map((n): [string, string] => [
    n,
    readFileSync(new URL(`../../conformance/cases/${n}.py`, import.meta.url), "utf8"),
  ]),
  ["graphs freed (training_loop)", readFileSync(new URL("../../fixtures/liveness/training_loop.py", import.meta.url), "utf8")],
];

describe("the scene index finds what a scan of the whole model finds", () => {
  for (const [name, source] of TRACES)
    it(name, () => {
      const events = trace(source);
      const cursor = new TraceCursor(events);
      const store = createGraphStore();
      const layout = layoutOf(store.update(cursor.at(events.length - 1)));
      const placeOf = createPlacer();
      const index = new SceneIndex();
      const hidden = new SceneIndex();
      const b = layout.bounds;
      const w = (b.maxX - b.minX) / 3;
      const h = (b.maxY - b.minY) / 3;
      const steps = [...events.keys(), ...[...events.keys()].reverse(), 0, events.length - 1, Math.floor(events.length / 2), 1];
      let rebuilt = 0;
      for (const [i, k] of steps.entries()) {
        const model = store.update(cursor.at(k));
        const placed = placeOf(model, layout);
        index.update(model, placed.positions);
        rebuilt += index.stats.rebuilt ? 1 : 0;
        // the view pans across the graph in thirds, and sometimes shows it all
        const rect = i % 7 === 0 ? null : { minX: b.minX + (i % 3) * w, minY: b.minY + (Math.floor(i / 3) % 3) * h, maxX: b.minX + (i % 3) * w + w, maxY: b.minY + (Math.floor(i / 3) % 3) * h + h };
        const where = `${name}, step ${k} (walk ${i})`;
        expect(found(index, rect), where).toEqual(scan(model, placed, rect));
        // a filtered view (Hide freed) is indexed from scratch, and finds the same
        const filtered = withoutFreed(model);
        hidden.update(filtered, placed.positions);
        expect(found(hidden, rect), `${where}, freed hidden`).toEqual(scan(filtered, placed, rect));
      }
      // only the first model is indexed from scratch: every step after it follows the store's changes
      expect(rebuilt).toBe(1);
    });
});
