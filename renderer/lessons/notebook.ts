// A Jupyter notebook (.ipynb) or a notebook copied as text ("In [ ]:" before each code cell) as a
// lesson file: code cells become ```python cells to step through, markdown cells the prose. Pure.

export type NotebookResult = { ok: true; lesson: string } | { ok: false; reason: string };

/** A notebook file by its name (.ipynb), or notebook text by its "In [..]:" cell markers. */
export function isNotebook(name: string, text: string): boolean {
  return /\.ipynb$/i.test(name) || (/\.(txt|py)$/i.test(name) && IN_MARKER_LINE.test(text));
}

const IN_MARKER = /^In \[[^\]\n]*\]:\s*$/;
const IN_MARKER_LINE = /^In \[[^\]\n]*\]:[ \t]*$/m;

interface NotebookCell {
  kind: "markdown" | "code";
  text: string;
}

/** The lesson Markdown (assets/lessons/FORMAT.md) of a notebook file or notebook text. */
export function notebookToLesson(name: string, text: string): NotebookResult {
  const cells = /\.ipynb$/i.test(name) ? ipynbCells(name, text) : textCells(text);
  if (!Array.isArray(cells)) return cells;
  if (!cells.some((c) => c.kind === "code")) return { ok: false, reason: `${name} has no code cells to step through.` };
  return { ok: true, lesson: lessonMarkdown(name, cells) };
}

function ipynbCells(name: string, text: string): NotebookCell[] | { ok: false; reason: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `${name} is not a notebook: its JSON does not parse (${e instanceof Error ? e.message : String(e)}).` };
  }
  const raw = (doc as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(raw)) return { ok: false, reason: `${name} is not a notebook: it has no "cells" list.` };
  const cells: NotebookCell[] = [];
  for (const c of raw as { cell_type?: unknown; source?: unknown }[]) {
    const source = Array.isArray(c?.source) ? c.source.filter((s) => typeof s === "string").join("") : typeof c?.source === "string" ? c.source : "";
    if (c?.cell_type === "code") cells.push({ kind: "code", text: source });
    else if (c?.cell_type === "markdown") cells.push({ kind: "markdown", text: source });
    // raw cells are neither prose nor code the notebook runs
  }
  return cells;
}

/**
 * Notebook text as a browser copies it: "In [ ]:" then the cell's code, a blank line, the output
 * the notebook recorded (dropped: the lesson runs the code itself), then the markdown. Code runs to
 * the first blank line not followed by an indented line; output is told from prose by its look.
 */
function textCells(text: string): NotebookCell[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const cells: NotebookCell[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    const chunks = paragraphs(prose).filter((p) => !looksLikeOutput(p));
    if (chunks.length) cells.push({ kind: "markdown", text: chunks.map((p) => p.join("\n")).join("\n\n") });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (!IN_MARKER.test(lines[i])) {
      prose.push(lines[i]);
      continue;
    }
    flushProse();
    const code: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (IN_MARKER.test(lines[j])) break;
      if (lines[j].trim() === "") {
        if (code.length === 0) break;
        const rest = lines.slice(j + 1);
        const next = rest.findIndex((l) => l.trim() !== "");
        if (next < 0) break;
        // an indented line goes on with a block; a paragraph of statements is more of the cell
        const chunk = rest.slice(next, rest.findIndex((l, k) => k > next && l.trim() === "") >>> 0);
        if (!/^\s/.test(rest[next]) && !(looksLikeCode(chunk) && !looksLikeOutput(chunk))) break;
      }
      code.push(lines[j]);
    }
    if (code.some((l) => l.trim() !== "")) cells.push({ kind: "code", text: code.join("\n") });
    i = j - 1;
  }
  flushProse();
  return cells;
}

function paragraphs(lines: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.trim() === "") {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur);
  return out;
}

const STATEMENT = /^(import|from|for|while|if|elif|else|def|class|with|return|try|except|finally|raise|assert|del|pass|break|continue|print)\b|^@\w/;
const EXPRESSION = /^[A-Za-z_][\w.]*(\[[^\]]*\])?\s*(\(|\.[A-Za-z_]|[-+*/@]?=(?!=))|^[A-Za-z_][\w, ]*=[^=]/;

/** A paragraph of Python statements (comments "# like this" allowed), not prose about them. */
function looksLikeCode(p: string[]): boolean {
  const body = p.filter((l) => !/^\s/.test(l) && !/^# /.test(l));
  return body.length > 0 && p.every((l) => !/^#(#|\S)/.test(l)) && body.every((l) => STATEMENT.test(l) || EXPRESSION.test(l));
}

/** What Python printed (a tensor, numbers, a warning's source line), not Markdown someone wrote. */
function looksLikeOutput(p: string[]): boolean {
  const first = p[0];
  if (/^(#|\*|-\s|>|\d+\.\s|\$)/.test(first)) return false;
  return /^(tensor\(|Parameter containing|\[|\(|-?\d|True$|False$|None$|torch\.|Traceback|\s|[A-Za-z_.]+(Error|Warning|Exception)\b)/.test(first);
}

function lessonMarkdown(name: string, cells: NotebookCell[]): string {
  const prose = (t: string) =>
    t
      // "#Problem 1" and "###$$f$$" are headings in a notebook; Markdown wants the space
      .replace(/^(#{1,6})(?=[^\s#])/gm, "$1 ")
      // a fence inside the prose must not open a ```python cell or a question
      .replace(/^(\s*)(`{3,}|~{3,})\s*(python|predict)\b/gm, "$1$2text");
  // a notebook that opens with a "# Title" cell gives the lesson its title; else the file's name
  const first = cells[0].kind === "markdown" ? /^#\s+(.+?)\s*#*\s*$/.exec(cells[0].text.trim().split("\n")[0]) : null;
  const base = name.replace(/^.*[\\/]/, "").replace(/\.(ipynb|txt|py)$/i, "");
  const out = [`# ${first?.[1] ?? base}`, "", `Opened from the notebook ${base}: each code cell is a cell to step through.`, ""];
  for (const [i, c] of cells.entries()) {
    const text = i === 0 && first ? c.text.trim().split("\n").slice(1).join("\n") : c.text;
    // the notebook's headings sit one level under the lesson's title
    if (c.kind === "markdown") out.push(prose(text).replace(/^(#{1,5})(?=\s)/gm, "#$1").trimEnd(), "");
    else out.push("```python", ...codeLines(c.text), "```", "");
  }
  return out.join("\n");
}

/** IPython's own syntax (%magic, !shell) is not Python: kept visible as a comment. */
function codeLines(code: string): string[] {
  const lines = code.replace(/\s+$/, "").split("\n");
  const fence = /^\s*(`{3,}|~{3,})/;
  return lines.map((l) => (/^\s*[%!]/.test(l) ? `# ${l.trim()}  (IPython only: not run)` : fence.test(l) ? `# ${l}` : l));
}
