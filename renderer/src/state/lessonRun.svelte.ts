// The lesson cell whose run the views show: its own graph (earlier cells' unrelated graphs left
// out unless asked for), its own output in the console, its own line numbers in tracebacks, and
// the line of the cell running now. Null when the views show the editor's script.

import type { ConsoleEntry, TraceState } from "../../../engine/trace/state.ts";
import type { CellProgram } from "../../lessons/cell-program.ts";
import { cellLineOf, cellLineText, cellTraceback, type CellLine } from "../../lessons/cell-lines.ts";
import { createCellScope, identifiersOf, type CellScope } from "../graph/cellScope.ts";
import type { GraphModel } from "../graph/graphModel.ts";

export class LessonRun {
  run: CellProgram | null = $state(null);
  /** the step just before the cell's first statement (the earlier cells have run by then) */
  start: number = $state(-1);
  /** show the earlier cells' graphs too */
  showAll = $state(false);
  private readonly names: Set<string> = $derived(identifiersOf(this.cellCode()));
  private readonly scopeOf = createCellScope();

  begin(run: CellProgram): void {
    this.run = run;
    this.start = -1;
    this.showAll = false;
  }

  clear(): void {
    this.run = null;
  }

  private cellCode(): string {
    const r = this.run;
    return r ? r.program.split("\n").slice(r.startLine - 1, r.endLine).join("\n") : "";
  }

  /** The graph this cell works on (everything outside a lesson, or with showAll). */
  scope(model: GraphModel): CellScope {
    if (!this.run || this.showAll) return { model, hidden: 0 };
    return this.scopeOf(model, this.start, this.names);
  }

  /** What the cell printed (a notebook shows each cell's own output under it). */
  console(entries: readonly ConsoleEntry[]): readonly ConsoleEntry[] {
    if (!this.run || this.start < 0) return entries;
    const i = entries.findIndex((e) => e.step > this.start);
    return i < 0 ? NONE : i === 0 ? entries : entries.slice(i);
  }

  /** The traceback or warning text with the cell's own line numbers. */
  text(text: string): string {
    return this.run ? cellTraceback(text, this.run) : text;
  }

  /** A caption's "line 53" as the cell's own "cell 7, line 7" ("Line 53 starts" as "Cell 7, line 7 starts"). */
  caption(text: string): string {
    if (!this.run) return text;
    return text.replace(/\b([Ll])ine (\d+)\b/g, (_, l: string, n: string) => {
      const t = this.lineText(Number(n));
      return l === "L" ? t[0].toUpperCase() + t.slice(1) : t;
    });
  }

  /** "line 7", or "cell 3, line 2" in a lesson. */
  lineText(line: number): string {
    return this.run ? cellLineText(this.run, line) : `line ${line}`;
  }

  /** The cell and line the step's statement is on, when it is in this lesson's cells. */
  current(state: TraceState): (CellLine & { lessonId: string }) | null {
    const r = this.run;
    const line = state.statement?.span.line;
    if (!r || line == null) return null;
    const c = cellLineOf(r, line);
    return c ? { ...c, lessonId: r.lessonId } : null;
  }
}

const NONE: readonly ConsoleEntry[] = [];
