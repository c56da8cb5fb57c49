import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";
import type { BindingValue, TraceEvent } from "../../../engine/events.ts";
import { bindingKey, type TraceState } from "../../../engine/trace/state.ts";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { createGraphStore } from "../../../renderer/src/graph/graphStore.ts";
import { mlpScript } from "../layout/mlp-script.ts";
import { createPlacer, layoutOf } from "../../../renderer/src/graph/graphLayout.ts";
import { createEdgeEntries } from "../../../renderer/src/graph/edgeEntries.ts";
import { createPillPlacer, gradPillSize } from "../../../renderer/src/graph/labelPlacement.ts";
import { SceneIndex } from "../../../renderer/src/graph/sceneIndex.ts";

// A step's work must not grow with the graph: the graph views a step remakes are bounded by what its
// event is about (one op, one node run, one leaf accumulated; a free names every node it frees),
// the same on a small and a 10x bigger MLP, forwards and backwards.

function trace(source: string): TraceEvent[] {
  const events: TraceEvent[] = [];
  runPython(source, { sink: (e) => events.push(e), filename: "t.py", onStdout: () => {}, onStderr: () => {} });
  return events;
}

/** How many things an event is about: the ids it names (a list bound to a name names each element,
 *  and so did the list it replaces; a returning frame names each name it drops); for the end of a backward (and the statement that clears it
 *  from view), every node it ran, since each one's colour changes. */
function eventSize(e: TraceEvent, ran: number, before: TraceState): number {
  if (e.kind === "backward/finished" || e.kind === "statement") return Math.max(1, ran);
  if (e.kind === "binding/set" || e.kind === "binding/deleted") {
    const old = before.bindings.get(bindingKey(e.scope, e.name))?.value;
    const count = (v: BindingValue | undefined) => (v?.type === "tensors" ? v.ids.length : 1);
    return count(old) + (e.kind === "binding/set" ? count(e.value) : 0);
  }
  if (e.kind === "frame/exited") {
    // every name of the frame goes, and every tensor those names held
    let n = 0;
    for (const b of before.bindings.values()) if (b.scope === e.scope) n += b.value.type === "tensors" ? b.value.ids.length : 1;
    return Math.max(1, n);
  }
  if (e.kind === "saved/freed" || e.kind === "graph/freed") return Math.max(1, e.nodes.length);
  if (e.kind === "tensor/mutated") return 1 + e.aliases.length;
  if (e.kind === "op/applied") return 1 + e.inputs.length + (e.extraOutputs?.length ?? 0);
  return 1;
}

describe("per-step work does not grow with the graph", () => {
  const sizes = [mlpScript(3, 4, 1), mlpScript(6, 12, 2), mlpScript(8, 24, 2)];
  const results = sizes.map((src) => {
    const events = trace(`${src}loss.backward()\n`);
    const cursor = new TraceCursor(events);
    // a second cursor reads what the events are about, so the walk's cursor sees only the walk
    const sizes = new TraceCursor(events);
    const store = createGraphStore();
    const final = store.update(cursor.at(events.length - 1));
    const nodes = final.nodes.length;
    // the scene's index of what is on screen follows the store's changes (sceneIndex.ts)
    const index = new SceneIndex();
    const layout = layoutOf(final);
    const positions = layout.positions;
    index.update(store.update(cursor.at(-1)), positions);
    // and so does the placer (positions for the nodes a step changed)
    const placeOf = createPlacer();
    placeOf(store.update(cursor.at(-1)), layout);
    let worst = 0;
    let worstRatio = 0;
    let indexRatio = 0;
    let placeRatio = 0;
    // every step forwards from the start, then every step back
    const walk = [...events.keys(), ...[...events.keys()].reverse()];
    const ran = Math.max(...[...events.keys()].map((k) => cursor.at(k).backward?.executed.size ?? 0));
    for (let i = 0; i < walk.length; i++) {
      const k = walk[i];
      const model = store.update(cursor.at(k));
      index.update(model, positions);
      placeOf(model, layout);
      placeRatio = Math.max(placeRatio, placeOf.stats.visited / Math.max(1, store.stats.remade));
      // a remade unit is a node and the edges into it (two for an add or mul; a neuron's inputs for the loss)
      indexRatio = Math.max(indexRatio, index.stats.rebuilt ? Infinity : index.stats.indexed / Math.max(1, store.stats.remade));
      // the step is about its event and the one before (whose "now" flags it clears); a step back
      // also undoes the event after it
      const about = Math.max(...[k - 1, k, k + 1].filter((j) => events[j]).map((j) => eventSize(events[j], ran, sizes.at(j - 1))));
      worst = Math.max(worst, store.stats.remade);
      worstRatio = Math.max(worstRatio, store.stats.remade / about);
    }
    return { nodes, events: events.length, worst, worstRatio, indexRatio, placeRatio };
  });

  it("the traces are real and grow ~10x", () => {
    expect(results[0].nodes).toBeGreaterThan(20);
    expect(results[2].nodes).toBeGreaterThan(8 * results[0].nodes);
  });

  it("views remade per step are bounded by the event's own size", () => {
    for (const r of results) expect(r.worstRatio, JSON.stringify(r)).toBeLessThanOrEqual(3);
  });

  it("the scene's index touches per step only the nodes and edges of the views remade", () => {
    for (const r of results) expect(r.indexRatio, JSON.stringify(r)).toBeLessThanOrEqual(30);
  });

  it("the placer looks per step only at the nodes of the views remade", () => {
    for (const r of results) expect(r.placeRatio, JSON.stringify(r)).toBeLessThanOrEqual(1);
  });
});

// The gradient pills a step places (GraphScene's createPillPlacer) are the step's own new or changed
// pills, not every pill of the backward so far: bounded by the event's size on MLPs 10x apart. The walk
// goes over the first and last 400 steps of the backward, forwards then back (the whole trace would
// take minutes on the bigger MLP).
describe("gradient pills placed per step do not grow with the graph", () => {
  const results = [mlpScript(3, 4, 1), mlpScript(8, 24, 2)].map((src) => {
    const events = trace(`${src}loss.backward()\n`);
    const cursor = new TraceCursor(events);
    const store = createGraphStore();
    const final = store.update(cursor.at(events.length - 1));
    const layout = layoutOf(final);
    const placeOf = createPlacer();
    const entriesOf = createEdgeEntries();
    const pills = createPillPlacer();
    const start = events.findIndex((e) => e.kind === "backward/started");
    const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
    const first = range(start - 5, Math.min(events.length, start + 400));
    const last = range(Math.max(start, events.length - 400), events.length);
    let worst = 0;
    let worstNodes = 0;
    let most = 0;
    let indexed = false;
    for (const walk of [first, last]) {
      // the walk starts from the forward's end (no pills): the first pills are placed as the backward reaches them
      store.update(cursor.at(start - 6));
      placeOf(store.update(cursor.at(start - 6)), layout);
      for (const [i, k] of [...walk, ...walk.slice().reverse()].entries()) {
        const model = store.update(cursor.at(k));
        const placed = placeOf(model, layout);
        const asks = entriesOf(model.edges)
          .filter(({ e }) => e.grad != null)
          .map(({ e, key }) => ({ key, route: placed.routeOf(e.source, e.target), ...gradPillSize(e) }));
        const t = pills.place(asks, placed);
        expect(t.size).toBe(asks.length);
        for (const a of asks) expect(t.get(a.key)).toBeTypeOf("number");
        most = Math.max(most, asks.length);
        // the walk's first position is a jump there (a seek places every pill so far), not a step
        if (i > 0) worst = Math.max(worst, pills.stats.placed);
        // the first step with pills indexes every node box once (per layout); after it, only changed boxes
        if (indexed && i > 0) worstNodes = Math.max(worstNodes, pills.stats.nodes);
        indexed ||= asks.length > 0;
      }
    }
    return { nodes: final.nodes.length, most, worst, worstNodes };
  });

  it("the backward shows many pills", () => {
    expect(results[1].most).toBeGreaterThan(10 * results[0].most);
  });
  it("a step places at most a node's few outgoing gradients and updates a few node boxes", () => {
    // a node run sends one gradient per input (an add or mul: 2); a .grad stored resizes its leaf's box
    for (const r of results) {
      expect(r.worst, JSON.stringify(r)).toBeLessThanOrEqual(3);
      expect(r.worstNodes, JSON.stringify(r)).toBeLessThanOrEqual(3);
    }
  });
});
