// Messages between the app and the run worker. Events travel in batches so a long trace streams
// without one message per event.

import type { TraceEvent } from "../../../engine/events.ts";

export type ToWorker = { type: "run"; source: string; filename: string };

export type FromWorker =
  | { type: "events"; events: TraceEvent[] }
  /** the program ended (normally or with a Python error, which is in the events) */
  | { type: "done"; ms: number }
  /** the worker itself failed: a bug, not the user's program */
  | { type: "crashed"; message: string };

/** Flush a batch when it is this big or this old, whichever comes first. */
export const BATCH_EVENTS = 2000;
export const BATCH_MS = 50;
