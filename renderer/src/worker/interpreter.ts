// The one place the worker meets the Python interpreter (engine/python), so its API can change
// without touching the worker. Output reaches the app as output/printed events in the trace.

import type { EventSink } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";

export function runScript(source: string, filename: string, sink: EventSink): void {
  runPython(source, { filename, sink });
}
