// The source CPython 3.13 prints under a traceback's `File "...", line N, in f`: the lines of the
// failing instruction, dedented, each with its ~~~^^^ markers (traceback.py's format_frame_summary):
// an operator (binary operations), the brackets and what they hold (subscripts, calls) in ^, the
// rest of the instruction in ~; no markers when the instruction is the whole line, or is the call
// of `x = f(...)` / `return f(...)`.
import type { Expr } from "./ast.ts";
import { type LineMap, parseModule } from "./parse.ts";

/** a place in the dedented lines: line index from the instruction's first line, column */
interface At {
  line: number;
  col: number;
}

interface Anchors {
  left: At;
  right: At;
  primary: string;
  secondary: string;
}

const indentOf = (s: string): number => s.length - s.trimStart().length;

/** textwrap.dedent: remove the whitespace every non-blank line starts with; blank lines become "" */
function dedent(lines: string[]): { lines: string[]; removed: number } {
  const widths = lines.filter((l) => l.trim()).map(indentOf);
  const removed = widths.length ? Math.min(...widths) : 0;
  return { lines: lines.map((l) => (l.trim() ? l.slice(removed) : "")), removed };
}

/** where the anchors of `pos` are, if it is a binary operation, a subscript or a call */
function anchorsOf(pos: Expr, lines: string[], toAt: (offset: number) => At): Anchors | null {
  // the next character that counts, moving to the next line past a line's end, a comment or a backslash
  const valid = (at: At): At => {
    let { line, col } = at;
    while (line < lines.length && col >= lines[line]!.length) {
      line++;
      col = 0;
    }
    return { line, col };
  };
  const until = (from: At, stop: (ch: string) => boolean): At | null => {
    let at = valid(from);
    while (at.line < lines.length) {
      const ch = lines[at.line]![at.col]!;
      if (ch === "\\" || ch === "#") at = valid({ line: at.line + 1, col: 0 });
      else if (stop(ch)) return at;
      else at = valid({ line: at.line, col: at.col + 1 });
    }
    return null;
  };
  if (pos.k === "binop") {
    const op = until(toAt(pos.left.to), (ch) => !/\s/.test(ch) && ch !== ")");
    if (!op) return null;
    const text = lines[op.line]!;
    const rightStart = toAt(pos.right.from);
    let end = op.col + 1;
    const ch = text[end];
    if (end < text.length && (rightStart.line > op.line || end < rightStart.col) && ch !== undefined && !/\s/.test(ch) && ch !== "\\" && ch !== "#")
      end++;
    return { left: op, right: { line: op.line, col: end }, primary: "~", secondary: "^" };
  }
  if (pos.k === "subscript" || pos.k === "call") {
    const open = until(toAt(pos.k === "call" ? pos.func.to : pos.obj.to), (ch) => ch === (pos.k === "call" ? "(" : "["));
    if (!open) return null;
    return { left: open, right: toAt(pos.to), primary: "~", secondary: "^" };
  }
  return null;
}

/** `x = f(...)` or `return name(...)` whose call is exactly the instruction: CPython draws no markers */
function isWholeCallStatement(lines: string[], start: At, end: At): boolean {
  let body;
  try {
    body = parseModule(lines.join("\n")).body;
  } catch {
    return false;
  }
  const stmt = body[0];
  if (!stmt) return false;
  let value: Expr | null = null;
  if (stmt.k === "return" && stmt.value?.k === "call" && stmt.value.func.k === "name") value = stmt.value;
  if (stmt.k === "assign" && stmt.targets.length === 1 && stmt.targets[0]!.k === "name" && stmt.value.k === "call") value = stmt.value;
  if (!value) return false;
  const text = lines.join("\n");
  const at = (offset: number): At => {
    const before = text.slice(0, offset).split("\n");
    return { line: before.length - 1, col: before.at(-1)!.length };
  };
  const a = at(value.from);
  const b = at(value.to);
  return a.line === 0 && a.col === start.col && b.line === lines.length - 1 && b.col === end.col;
}

/** The block under a frame's header: the instruction's lines with their markers, 4 spaces in.
 *  `pos` is the failing expression (null: the statement of `line`, shown without markers). */
export function frameSource(pos: Expr | null | undefined, line: number, lines: LineMap): string {
  if (!pos) {
    const text = lines.lineText(line).trim();
    return text ? `    ${text}\n` : "";
  }
  const first = lines.line(pos.from);
  const last = lines.line(Math.max(pos.from, pos.to - 1));
  const raw: string[] = [];
  for (let l = first; l <= last; l++) raw.push(lines.lineText(l));
  const { lines: all, removed } = dedent(raw);
  const toAt = (offset: number): At => {
    const l = lines.line(offset) - first;
    return { line: l, col: offset - (lines.source.lastIndexOf("\n", offset - 1) + 1) - removed };
  };
  const start = toAt(pos.from);
  const end = { line: all.length - 1, col: toAt(pos.to).line === all.length - 1 ? toAt(pos.to).col : all.at(-1)!.length };
  const anchors = anchorsOf(pos, all, toAt);
  let show: boolean;
  if (isWholeCallStatement(all, start, end)) show = false;
  else if (anchors) show = true;
  else show = all[0]!.slice(0, start.col).trim() !== "" || all.at(-1)!.slice(end.col).trim() !== "";

  const significant = new Set([0, all.length - 1]);
  if (anchors)
    for (const l of [anchors.left.line, anchors.right.line]) for (let k = l - 1; k <= l + 1; k++) if (k >= 0 && k < all.length) significant.add(k);
  const out: string[] = [];
  const outputLine = (i: number): void => {
    out.push(all[i]!);
    if (!show) return;
    const spaces = indentOf(all[i]!);
    const width = i === all.length - 1 ? end.col : all[i]!.length;
    let marks = "";
    for (let col = 0; col < width; col++) {
      if (col < spaces || (i === 0 && col < start.col)) marks += " ";
      else if (
        anchors &&
        (i > anchors.left.line || (i === anchors.left.line && col >= anchors.left.col)) &&
        (i < anchors.right.line || (i === anchors.right.line && col < anchors.right.col))
      )
        marks += anchors.secondary;
      else marks += anchors ? anchors.primary : "^";
    }
    out.push(marks);
  };
  const sorted = [...significant].sort((a, b) => a - b);
  sorted.forEach((l, k) => {
    if (k > 0) {
      const gap = l - sorted[k - 1]!;
      if (gap === 2) outputLine(l - 1);
      else if (gap > 2) out.push(`...<${gap - 1} lines>...`);
    }
    outputLine(l);
  });
  return dedent(out).lines.map((l) => `    ${l}\n`).join("");
}

/** the line CPython names in the frame's header: where the failing instruction starts */
export const frameLine = (pos: Expr | null | undefined, line: number, lines: LineMap): number =>
  pos ? lines.line(pos.from) : line;
