// The one place the worker meets the Python interpreter (engine/python), so its API can change
// without touching the worker. Output reaches the app as output/printed events in the trace.

import type { EventSink } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";
import { pyErr } from "../../../engine/python/values.ts";
import { RUN_BUDGET } from "./protocol.ts";

/** bytes the program may hold (the engine's memory budget, half the CLI's: the worker shares
 *  its process with the page, and the page dies with it) */
export const WORKER_MAX_BYTES = 1024 ** 3;

/** Runs the script; its time budget is the run's, so a runaway loop ends with the interpreter's
 *  own message naming the line. A JavaScript error out of the sink is rethrown here. */
export function runScript(source: string, filename: string, sink: EventSink): void {
  const out = runPython(source, { filename, sink, maxBytes: WORKER_MAX_BYTES, timeLimitMs: RUN_BUDGET.ms });
  if (out.internalFault) throw out.internalFault;
}

/** What the sink throws to end a run whose trace is over its budget: a MemoryError the program
 *  cannot catch, which the interpreter reports with its traceback like its own budgets' errors. */
export function traceBudgetError(line: number, megabytes: number): Error {
  const err = pyErr("MemoryError", `Gradlens stopped the program: its steps would take more than ${megabytes} MB to keep (memory budget) at line ${line}`);
  err.exc.uncatchable = true;
  return err;
}
