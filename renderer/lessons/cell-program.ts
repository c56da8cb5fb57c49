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
  /** where each cell's code sits in `program` (1-based, inclusive): a traceback's or a statement's
   *  line becomes that cell's own line (cell-lines.ts) */
  cells: { index: number; from: number; to: number }[];
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
  const cells: CellProgram["cells"] = [];
  let lines = 0;
  const push = (...texts: string[]) => {
    parts.push(...texts);
    lines += texts.reduce((n, t) => n + t.split("\n").length, 0);
  };
  for (const cell of lesson.cells.slice(0, cellIndex)) {
    push(`# --- cell ${cell.index + 1} ---`);
    const code = cell.code.replace(/\n$/, "");
    const count = code.split("\n").length;
    if (cell.raises) {
      push("try:");
      cells.push({ index: cell.index, from: lines + 1, to: lines + count });
      push(indent(cell.code), "except Exception as e:", '    print(f"{type(e).__name__}: {e}")');
    } else {
      cells.push({ index: cell.index, from: lines + 1, to: lines + count });
      push(code);
    }
  }
  const target = lesson.cells[cellIndex];
  if (!target) throw new RangeError(`lesson ${lesson.id} has no cell ${cellIndex}`);
  if (cellIndex > 0) parts.push(`# --- cell ${cellIndex + 1} ---`);
  const prelude = parts.join("\n");
  const startLine = prelude === "" ? 1 : prelude.split("\n").length + 1;
  const body = target.code.replace(/\n$/, "");
  const endLine = startLine + body.split("\n").length - 1;
  cells.push({ index: cellIndex, from: startLine, to: endLine });
  return {
    lessonId: lesson.id,
    cellIndex,
    program: (prelude === "" ? "" : prelude + "\n") + body + "\n",
    startLine,
    endLine,
    cells,
  };
}
