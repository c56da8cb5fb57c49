// Where a lesson cell starts on the timeline: the views stand there after the cell's program has run.

import type { TraceCursor } from "../../../engine/trace/cursor.ts";

/** The step just before the first statement on or after `line` runs (the last step, if none does). */
export function stepBeforeLine(cursor: TraceCursor, line: number): number {
  for (const start of cursor.statementStarts) {
    const e = cursor.events[start];
    if (e.kind === "statement" && e.span.line >= line) return start - 1;
  }
  return cursor.length - 1;
}
