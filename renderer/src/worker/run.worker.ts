// The run worker: interprets a script off the main thread, streaming its events in batches, and
// lays out the run's final graph when it ends (folding the events as they go), so the page gets
// positions with the end of the run instead of computing them on its own thread.
// The app stops runaway code by terminating this worker; the interpreter's budget stops it first.

import type { TraceEvent } from "../../../engine/events.ts";
import { BATCH_EVENTS, BATCH_MS, overBudget, type BudgetHit, type FromWorker, type ToWorker } from "./protocol.ts";
import { runScript } from "./interpreter.ts";
import { encodeBatch } from "./wire.ts";
import { applyEvent } from "../../../engine/trace/fold.ts";
import { emptyState } from "../../../engine/trace/state.ts";
import { buildGraph } from "../graph/graphModel.ts";
import { layoutOf } from "../graph/graphLayout.ts";
import type { Layout } from "../../layout/types.ts";

class OverBudget extends Error {
  constructor(readonly hit: BudgetHit) {
    super(hit);
  }
}

/** JavaScript's own limits (a string or array too long, memory refused): say what they mean */
function describeFailure(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return err instanceof RangeError && /Invalid (string|array|typed array) length|allocation failed/.test(err.message)
    ? `the run needed more memory than the page can give it (${text})`
    : text;
}

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type !== "run") return;
  const started = performance.now();
  let batch: TraceEvent[] = [];
  let flushedAt = started;
  let total = 0;
  let bytes = 0;
  const final = emptyState();
  /** the final graph's layout (null when it has no nodes or could not be laid out) */
  const layout = (): Layout | null => {
    try {
      const model = buildGraph(final);
      return model.nodes.length ? layoutOf(model) : null;
    } catch {
      return null;
    }
  };
  const flush = () => {
    if (batch.length) {
      const wire = encodeBatch(batch);
      bytes += wire.json.length;
      post({ type: "events", batch: wire });
    }
    batch = [];
    flushedAt = performance.now();
  };
  try {
    runScript(msg.source, msg.filename, (e) => {
      total++;
      batch.push(e);
      applyEvent(final, e);
      const now = performance.now();
      if (batch.length >= BATCH_EVENTS || now - flushedAt > BATCH_MS) {
        flush();
        // past the budget, end the run here: throwing out of the sink unwinds the interpreter
        const hit = overBudget(bytes, now - started);
        if (hit) throw new OverBudget(hit);
      }
    });
    flush();
    const ms = performance.now() - started;
    const laidOut = layout();
    post({ type: "done", ms, layout: laidOut, layoutMs: performance.now() - started - ms });
  } catch (err) {
    try {
      flush();
    } catch {
      // the batch itself was too big to send: the message below says why
    }
    if (err instanceof OverBudget) post({ type: "budget", hit: err.hit, events: total, bytes, ms: performance.now() - started, layout: layout() });
    else post({ type: "crashed", message: describeFailure(err) });
  }
};
