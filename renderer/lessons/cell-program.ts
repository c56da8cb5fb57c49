// Builds the program a lesson cell runs as: the earlier cells then this one, like running a notebook from the top.

import type { Lesson } from "./lesson.ts";

export interface CellProgram {
  lessonId: string;
  cellIndex: number;
  /** runnable Python: every earlier cell, then this cell unchanged */
  program: string;
  /** 1-based lines of this cell inside `program`, so a view can step through just these */
  startLine: number;
  endLine: number;
}

const indent = (code: string) =>
  code
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => (l.trim() === "" ? "" : "    " + l))
    .join("\n");

/**
 * In a notebook a cell that raises does not stop the next cell. A single program would stop,
 * so earlier cells marked `raises` are wrapped in try/except that prints the error instead.
 */
export function cellProgram(lesson: Lesson, cellIndex: number): CellProgram {
  const parts: string[] = [];
  for (const cell of lesson.cells.slice(0, cellIndex)) {
    parts.push(`# --- cell ${cell.index + 1} ---`);
    if (cell.raises) {
      parts.push("try:", indent(cell.code), "except Exception as e:", '    print(f"{type(e).__name__}: {e}")');
    } else {
      parts.push(cell.code.replace(/\n$/, ""));
    }
  }
  const target = lesson.cells[cellIndex];
  if (!target) throw new RangeError(`lesson ${lesson.id} has no cell ${cellIndex}`);
  if (cellIndex > 0) parts.push(`# --- cell ${cellIndex + 1} ---`);
  const prelude = parts.join("\n");
  const startLine = prelude === "" ? 1 : prelude.split("\n").length + 1;
  const body = target.code.replace(/\n$/, "");
  return {
    lessonId: lesson.id,
    cellIndex,
    program: (prelude === "" ? "" : prelude + "\n") + body + "\n",
    startLine,
    endLine: startLine + body.split("\n").length - 1,
  };
}
