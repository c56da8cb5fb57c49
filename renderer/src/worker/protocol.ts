// Messages between the app and the run worker. Events travel in batches so a long trace streams
// without one message per event.

import type { WireBatch } from "./wire.ts";

export type ToWorker = { type: "run"; source: string; filename: string };

export type FromWorker =
  | { type: "events"; batch: WireBatch }
  /** the program ended (normally or with a Python error, which is in the events) */
  | { type: "done"; ms: number }
  /** the trace passed MAX_TRACE_EVENTS: the app ends the run (a runaway loop would fill memory) */
  | { type: "overflow"; events: number }
  /** the worker itself failed: a bug, not the user's program */
  | { type: "crashed"; message: string };

/** Flush a batch when it is this big or this old, whichever comes first. */
export const BATCH_EVENTS = 2000;
export const BATCH_MS = 50;

/** Beyond this many events a run is almost surely a runaway loop: every iteration is a statement event. */
export const MAX_TRACE_EVENTS = 100_000;
