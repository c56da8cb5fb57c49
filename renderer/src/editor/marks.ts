// Editor decorations for the trace: the statement running at this step, and the error's span underlined.

import { StateEffect, StateField, type EditorState, type Range } from "@codemirror/state";
import { Decoration, EditorView, type DecorationSet } from "@codemirror/view";
import type { Span } from "../../../engine/events.ts";

export interface TraceMarks {
  statement: Span | null;
  error: { span: Span; message: string } | null;
}

export const setMarks = StateEffect.define<TraceMarks>();

const statementLine = Decoration.line({ class: "cm-gl-statement" });

/** Document offsets of a span, clamped to the document; null when its line does not exist. */
export function spanRange(state: EditorState, span: Span): { from: number; to: number } | null {
  const lines = state.doc.lines;
  if (span.line < 1 || span.line > lines) return null;
  const first = state.doc.line(span.line);
  const last = state.doc.line(Math.min(Math.max(span.endLine, span.line), lines));
  const from = Math.min(first.from + Math.max(0, span.col), first.to);
  const to = Math.min(last.from + Math.max(0, span.endCol), last.to);
  if (to <= from) return { from: first.from, to: first.to };
  return { from, to: Math.max(to, from) };
}

function build(state: EditorState, marks: TraceMarks): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  if (marks.statement) {
    const r = spanRange(state, marks.statement);
    if (r) {
      const endLine = state.doc.lineAt(r.to).number;
      for (let n = state.doc.lineAt(r.from).number; n <= endLine; n++) ranges.push(statementLine.range(state.doc.line(n).from));
    }
  }
  if (marks.error) {
    const r = spanRange(state, marks.error.span);
    if (r && r.to > r.from) {
      ranges.push(Decoration.mark({ class: "cm-gl-error", attributes: { title: marks.error.message } }).range(r.from, r.to));
    }
  }
  return Decoration.set(ranges, true);
}

export const traceMarks = StateField.define<{ marks: TraceMarks; deco: DecorationSet }>({
  create: () => ({ marks: { statement: null, error: null }, deco: Decoration.none }),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setMarks)) return { marks: e.value, deco: build(tr.state, e.value) };
    if (tr.docChanged) return { marks: { statement: null, error: null }, deco: Decoration.none };
    return value;
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});
