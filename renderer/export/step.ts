// Which step an export draws (by the number the timeline shows, or by source line) and the caption
// that says where in the run it is.

import type { TraceEvent } from "../../engine/events.ts";
import type { TraceSteps } from "../../engine/trace/folded.ts";
import type { TraceState } from "../../engine/trace/state.ts";
import { stepCaption } from "../src/lib/captions.ts";

/** The timeline shows "step N / total" for event index N - 1; step 0 is before the first event. */
export function stepIndexOf(shown: number): number {
  return shown - 1;
}

/** The event index at which the first run of a statement on `line` has finished, or null. */
export function stepAtLine(cursor: TraceSteps, line: number): number | null {
  const ends = cursor.statementEnds();
  for (const [i, start] of cursor.statementStarts.entries()) {
    const e = cursor.events[start];
    if (e.kind === "statement" && e.span.line <= line && line <= e.span.endLine) return ends[i];
  }
  return null;
}

/** A few words for what the event at this step did. */
export function describeEvent(e: TraceEvent | null): string {
  if (!e) return "before the first statement";
  switch (e.kind) {
    case "statement":
      return "statement starts";
    case "tensor/created":
      return `tensor created (${e.how})`;
    case "node/created":
      return `${e.node.name} created`;
    case "op/applied":
      return e.node ? `${e.op} → ${e.node.name}` : `${e.op}`;
    case "tensor/mutated":
      return `in-place ${e.op}: v${e.versionBefore}→v${e.versionAfter}`;
    case "tensor/flags":
      return "tensor flags set";
    case "attr/set":
      return `.grad ${e.after == null ? "= None" : "set"}`;
    case "binding/set":
      return `${e.name} bound`;
    case "binding/deleted":
      return `del ${e.name}`;
    case "backward/started":
      return e.mode === "grad" ? "autograd.grad starts" : "backward starts";
    case "node/executed":
      return `${e.name} runs`;
    case "grad/summed":
      return "gradients summed";
    case "grad/accumulated":
      return `.grad ${e.how === "inplace" ? "added in place" : e.how === "replaced" ? "replaced" : "stored"}`;
    case "grad/captured":
      return "gradient captured";
    case "saved/freed":
      return "saved tensors freed";
    case "backward/finished":
      return "backward finished";
    case "graph/freed":
      return "graph freed";
    case "output/printed":
      return "output printed";
    case "warning/raised":
      return `${e.category}`;
    case "error/raised":
      return `${e.type}: ${e.message}`;
  }
}

/** "step 12 / 55 · line 9: f.backward() · PowBackward0 (f) runs (...): it gets ∂ 1. and sends ..."
 *  The plain-words part is the app's own caption (lib/captions.ts): one source for both. */
export function captionFor(state: TraceState, total: number): string {
  const parts = [`step ${state.step + 1} / ${total}`];
  const st = state.statement;
  if (st) {
    const flat = st.text.replace(/\s+/g, " ").trim();
    const text = flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
    parts.push(`line ${st.span.line}: ${text}`);
  }
  parts.push(state.lastEvent ? stepCaption(state) : describeEvent(null));
  return parts.join(" · ");
}

/** The caption in rows of at most `chars` characters, broken at spaces (a longer word gets a row of its own). */
export function wrapCaption(text: string, chars: number): string[] {
  const rows: string[] = [];
  let row = "";
  for (const word of text.split(" ")) {
    if (row && row.length + 1 + word.length > chars) {
      rows.push(row);
      row = word;
    } else row = row ? `${row} ${word}` : word;
  }
  if (row) rows.push(row);
  return rows;
}
