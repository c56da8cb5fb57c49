// Messages between the app and the run worker. Events travel in batches so a long trace streams
// without one message per event.

import type { TraceEvent } from "../../../engine/events.ts";
import type { WireBatch } from "./wire.ts";
import type { Layout } from "../../layout/types.ts";

export type ToWorker = { type: "run"; source: string; filename: string };

export type FromWorker =
  | { type: "events"; batch: WireBatch }
  /** the program ended (normally or with a Python error, which is in the events); `layout` is its
   *  final graph's, which took `layoutMs` to make after the `ms` of running */
  | { type: "done"; ms: number; layout: Layout | null; layoutMs: number }
  /** the run went over its time or memory budget: the app ends it (a runaway loop would run and fill memory forever) */
  | { type: "budget"; hit: BudgetHit; events: number; bytes: number; ms: number; layout: Layout | null }
  /** the worker itself failed: a bug, not the user's program */
  | { type: "crashed"; message: string };

/** Flush a batch when it is this big or this old, whichever comes first. */
export const BATCH_EVENTS = 2000;
export const BATCH_MS = 50;

/**
 * What a run may spend before the worker stops it. Time: its interpreter running (a runaway loop
 * ends here first; the app's own hard limit is for a worker that stops answering). Memory: the
 * trace it sent, in bytes of JSON, which is what the app then keeps (about 2x that as objects);
 * a 20000-node MLP with its backward is ~30 MB.
 */
export const RUN_BUDGET = { ms: 15_000, bytes: 200 * 1024 * 1024 };

export type BudgetHit = "time" | "memory";

/** Which budget a run has gone over, if any, after `bytes` of trace sent and `ms` of running. */
export function overBudget(bytes: number, ms: number, budget = RUN_BUDGET): BudgetHit | null {
  return bytes > budget.bytes ? "memory" : ms > budget.ms ? "time" : null;
}

/** The status line for a run stopped by its budget. */
export function budgetMessage(hit: BudgetHit, events: number, bytes: number, ms: number): string {
  const what =
    hit === "time"
      ? `it ran for ${(ms / 1000).toFixed(1)} s, past the ${RUN_BUDGET.ms / 1000} s time budget`
      : `its trace reached ${Math.round(bytes / 2 ** 20)} MB (${events} events), past the ${RUN_BUDGET.bytes / 2 ** 20} MB memory budget`;
  return `Stopped: ${what}; a loop that never ends does this. The steps so far can be explored.`;
}

/** The status line for a program the engine's own budgets stopped (memory held, steps, time; the
 *  program cannot catch these errors), from the error's message; null for any other error. */
export function engineStopMessage(message: string): string | null {
  const m = /^Gradlens stopped the program(:? )(.*)$/s.exec(message);
  if (!m) return null;
  return `Stopped${m[1] === ": " ? ": " : " "}${m[2]}. The steps so far can be explored.`;
}

/** Tensor elements an event carries (values, storages before and after): each is a number the
 *  page keeps, 8 bytes, however short its JSON; counted before the event is encoded. */
export function elementsOf(e: TraceEvent): number {
  const info = (t: { values: ArrayLike<number>; storageValues?: ArrayLike<number> }) => t.values.length + (t.storageValues?.length ?? 0);
  switch (e.kind) {
    case "tensor/created":
      return info(e.tensor);
    case "op/applied":
      return info(e.output) + (e.extraOutputs ?? []).reduce((n, t) => n + info(t), 0);
    case "tensor/mutated":
      return e.storageBefore.length + e.storageAfter.length;
    case "optim/stepped":
      return e.storageBefore.length + e.storageAfter.length + e.state.reduce((n, s) => n + info(s.tensor), 0);
    default:
      return 0;
  }
}
