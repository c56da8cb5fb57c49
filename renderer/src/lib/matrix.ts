// A 2-D tensor as a grid of cells with a colour scale, so structure shows at a glance (rows that
// repeat, columns that repeat, a single 1): the graph's gradient pills, .grad, the inspector and
// the memory view draw it. Pure.

import { formatNumber } from "./format.ts";

export interface Grid {
  rows: number;
  cols: number;
  /** row-major, as the tensor reads */
  values: number[];
  text: string[];
  /** the largest magnitude: the colour scale runs from -max to max */
  max: number;
  /** the longest number's characters (a cell with numbers is sized to it) */
  chars: number;
}

/** Grids up to this many cells are drawn; bigger matrices keep their short text. */
export const MAX_GRID_CELLS = 64;

/** The grid of a 2-D tensor's values, or null (not 2-D, empty, or too big to draw). */
export function gridOf(values: readonly number[], shape: readonly number[], dtype = "float32", maxCells = MAX_GRID_CELLS): Grid | null {
  if (shape.length !== 2) return null;
  const [rows, cols] = shape;
  if (rows * cols === 0 || rows * cols > maxCells || values.length !== rows * cols) return null;
  let max = 0;
  for (const v of values) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  const text = values.map((v) => formatNumber(v, dtype));
  return { rows, cols, values: values.slice(), text, max, chars: Math.max(...text.map((t) => t.length)) };
}

/** How strongly a cell is coloured (0..1) and with which end of the scale. */
export function cellShade(v: number, max: number): { sign: "pos" | "neg" | "zero"; strength: number } {
  if (!Number.isFinite(v)) return { sign: "zero", strength: 0 };
  if (v === 0 || max === 0) return { sign: "zero", strength: 0 };
  return { sign: v > 0 ? "pos" : "neg", strength: Math.min(1, Math.abs(v) / max) };
}

/** Two grids with the same values (the view keeps the older object). */
export function sameGrid(a: Grid | null | undefined, b: Grid | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.rows !== b.rows || a.cols !== b.cols) return false;
  for (let i = 0; i < a.values.length; i++) if (!Object.is(a.values[i], b.values[i])) return false;
  return true;
}

/** Every row the same (A.grad of F = A @ X with ones), every column the same (X.grad). */
export function repeats(g: Grid): { rows: boolean; cols: boolean } {
  const at = (r: number, c: number) => g.values[r * g.cols + c];
  let rows = g.rows > 1;
  let cols = g.cols > 1;
  for (let r = 0; r < g.rows; r++)
    for (let c = 0; c < g.cols; c++) {
      if (rows && at(r, c) !== at(0, c)) rows = false;
      if (cols && at(r, c) !== at(r, 0)) cols = false;
    }
  return { rows, cols };
}

/** A cell wide enough for the grid's longest number in 11 px monospace (with a little room). */
export function gridCellWidth(g: Grid): number {
  return Math.max(30, Math.ceil(g.chars * 11 * 0.61) + 8);
}
