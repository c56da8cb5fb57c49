// Which step an export draws (by the number the timeline shows, or by source line) and the caption
// that says where in the run it is.

import type { TraceSteps } from "../../engine/trace/folded.ts";
import type { TraceState } from "../../engine/trace/state.ts";
import { stepCaption } from "../src/lib/captions.ts";
import { describeEvent } from "../src/lib/eventWords.ts";

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
