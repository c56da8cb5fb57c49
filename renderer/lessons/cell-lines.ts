// A lesson cell runs as one program with the cells above it: its lines are turned back into the
// cell's own (cell 3, line 2), in tracebacks, error notes and the line marked in the cell.

import type { CellProgram } from "./cell-program.ts";

export interface CellLine {
  cellIndex: number;
  /** 1-based line inside the cell */
  line: number;
}

/** The cell and its own line for a line of the program, or null (a separator or a wrapper line). */
export function cellLineOf(run: Pick<CellProgram, "cells">, programLine: number): CellLine | null {
  for (const c of run.cells) if (programLine >= c.from && programLine <= c.to) return { cellIndex: c.index, line: programLine - c.from + 1 };
  return null;
}

/** "cell 3, line 2" for a program line, or "line N" when it is in no cell. */
export function cellLineText(run: Pick<CellProgram, "cells">, programLine: number): string {
  const c = cellLineOf(run, programLine);
  return c ? `cell ${c.cellIndex + 1}, line ${c.line}` : `line ${programLine}`;
}

/** A traceback with each `File "…", line N` given as the cell's own: `Cell 3, line 2`, as Jupyter names them. */
export function cellTraceback(text: string, run: Pick<CellProgram, "cells">): string {
  return text.replace(/File "[^"]*", line (\d+)/g, (whole, n: string) => {
    const c = cellLineOf(run, Number(n));
    return c ? `Cell ${c.cellIndex + 1}, line ${c.line}` : whole;
  });
}
