// One run of a script in the engine's own thread or process: interprets it, streaming its events
// in batches, and lays out the run's final graph when it ends (folding the events as they go), so
// the page gets positions with the end of the run instead of computing them on its own thread.
// The app stops runaway code by ending the worker or process; the interpreter's budgets stop it
// first: time (the run's), memory (what the program holds) and, here, the trace's size.
// No DOM and no Electron: it runs in a Web Worker and in Electron's utility process alike.

import type { TraceEvent } from "../../../engine/events.ts";
import { BATCH_EVENTS, BATCH_MS, RUN_BUDGET, elementsOf, overBudget, type BudgetHit, type FromWorker, type ToWorker } from "./protocol.ts";
import { runScript, traceBudgetError } from "./interpreter.ts";
import { encodeBatch } from "./wire.ts";
import { applyEvent } from "../../../engine/trace/fold.ts";
import { emptyState } from "../../../engine/trace/state.ts";
import { buildGraph } from "../graph/graphModel.ts";
import { layoutOf } from "../graph/graphLayout.ts";
import type { Layout } from "../../layout/types.ts";

/** JavaScript's own limits (a string or array too long, memory refused): say what they mean */
function describeFailure(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return err instanceof RangeError && /Invalid (string|array|typed array) length|allocation failed/.test(err.message)
    ? `the run needed more memory than the page can give it (${text})`
    : text;
}

/** Runs one script, telling `post` its events in batches and how it ended. The same for the
 *  browser build's Web Worker (run.worker.ts) and the desktop app's engine process
 *  (electron/engine-process.ts). */
export function serveRun(msg: Extract<ToWorker, { type: "run" }>, post: (m: FromWorker) => void): void {
  const started = performance.now();
  let batch: TraceEvent[] = [];
  let flushedAt = started;
  let total = 0;
  /** the trace so far, in bytes: of JSON sent, or 8 per tensor element (a number on the page) if more */
  let bytes = 0;
  /** elements of tensors in the batch not sent yet */
  let pending = 0;
  let line = 0;
  let stopped: BudgetHit | null = null;
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
      bytes += Math.max(wire.json.length, 8 * pending);
      post({ type: "events", batch: wire });
    }
    batch = [];
    pending = 0;
    flushedAt = performance.now();
  };
  try {
    runScript(msg.source, msg.filename, (e) => {
      total++;
      if (e.kind === "statement") line = e.span.line;
      applyEvent(final, e);
      if (stopped) {
        // the stop's own error/raised (and what the interpreter says after it): small, kept
        batch.push(e);
        return;
      }
      // over the budget before it is encoded (a 10M-element tensor's values take seconds to write
      // and to read): the batch is dropped, the run ends here with an error naming the line
      pending += elementsOf(e);
      if (overBudget(bytes + 8 * pending, 0) === "memory") {
        stopped = "memory";
        bytes += 8 * pending;
        batch = [];
        pending = 0;
        throw traceBudgetError(line, RUN_BUDGET.bytes / 2 ** 20);
      }
      batch.push(e);
      const now = performance.now();
      if (batch.length >= BATCH_EVENTS || now - flushedAt > BATCH_MS) {
        flush();
        const hit = overBudget(bytes, now - started);
        if (hit === "memory") {
          stopped = hit;
          throw traceBudgetError(line, RUN_BUDGET.bytes / 2 ** 20);
        }
      }
    });
    flush();
    const ms = performance.now() - started;
    // the interpreter's time budget is the run's: a run that lasted that long was stopped by it
    if (!stopped && ms >= RUN_BUDGET.ms) stopped = "time";
    if (stopped) post({ type: "budget", hit: stopped, events: total, bytes, ms, layout: layout() });
    else {
      const laidOut = layout();
      post({ type: "done", ms, layout: laidOut, layoutMs: performance.now() - started - ms });
    }
  } catch (err) {
    try {
      flush();
    } catch {
      // the batch itself was too big to send: the message below says why
    }
    post({ type: "crashed", message: describeFailure(err) });
  }
}
