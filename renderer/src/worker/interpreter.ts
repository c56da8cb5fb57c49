// The one place the worker meets the Python interpreter (engine/python), so its API can change
// without touching the worker. Output reaches the app as output/printed events in the trace.

import type { EventSink } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";

/** bytes the program may hold (the engine's memory budget, half the CLI's: the worker shares
 *  its process with the page, and the page dies with it) */
export const WORKER_MAX_BYTES = 1024 ** 3;

export function runScript(source: string, filename: string, sink: EventSink): void {
  runPython(source, { filename, sink, maxBytes: WORKER_MAX_BYTES });
}
