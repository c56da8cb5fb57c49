// The one place the worker meets the Python interpreter (engine/python), so its API can change
// without touching the worker.

import type { EventSink } from "../../../engine/events.ts";

export function runScript(_source: string, _filename: string, sink: EventSink): void {
  sink({ kind: "error/raised", type: "NotImplementedError", message: "the Python interpreter is not available in this build yet" });
}
