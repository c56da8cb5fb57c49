// The run worker: interprets a script off the main thread, streaming its events in batches.
// The app stops runaway code by terminating this worker; the interpreter's budget stops it first.

import type { TraceEvent } from "../../../engine/events.ts";
import { BATCH_EVENTS, BATCH_MS, MAX_TRACE_EVENTS, type FromWorker, type ToWorker } from "./protocol.ts";
import { runScript } from "./interpreter.ts";
import { encodeBatch } from "./wire.ts";

class TraceOverflow extends Error {}

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type !== "run") return;
  const started = performance.now();
  let batch: TraceEvent[] = [];
  let flushedAt = started;
  let total = 0;
  const flush = () => {
    if (batch.length) post({ type: "events", batch: encodeBatch(batch) });
    batch = [];
    flushedAt = performance.now();
  };
  try {
    runScript(msg.source, msg.filename, (e) => {
      // past the cap, end the run here: throwing out of the sink unwinds the interpreter
      if (++total > MAX_TRACE_EVENTS) throw new TraceOverflow();
      batch.push(e);
      if (batch.length >= BATCH_EVENTS || performance.now() - flushedAt > BATCH_MS) flush();
    });
    flush();
    post({ type: "done", ms: performance.now() - started });
  } catch (err) {
    flush();
    if (err instanceof TraceOverflow) post({ type: "overflow", events: MAX_TRACE_EVENTS });
    else post({ type: "crashed", message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
};
