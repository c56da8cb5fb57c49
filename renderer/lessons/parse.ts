// Parses a lesson file (Markdown + ```python cells + ```predict questions) into a Lesson, or errors naming file and line.

import type { CodeCell, Lesson, LessonBlock, LessonError, ParseResult, Prediction } from "./lesson.ts";
import { parsePredictBlock, type CellRef, type RawPrediction } from "./predict-block.ts";

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/;

interface PendingPrediction {
  raw: RawPrediction;
  line: number;
  /** how many code cells came before the block, to resolve next/previous */
  cellsBefore: number;
}

/** `file` is used for the lesson id and in error messages; pass the path the teacher would recognise. */
export function parseLesson(text: string, file: string): ParseResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const errors: LessonError[] = [];
  const fail = (line: number, message: string) => errors.push({ file, line, message });

  const titleIndex = lines.findIndex((l) => l.trim() !== "");
  const titleMatch = titleIndex >= 0 ? /^#\s+(.+?)\s*#*\s*$/.exec(lines[titleIndex]) : null;
  if (!titleMatch) {
    return { ok: false, errors: [{ file, line: titleIndex + 1 || 1, message: "a lesson starts with its title on a line '# Title'" }] };
  }

  const blocks: LessonBlock[] = [];
  const cells: CodeCell[] = [];
  const pending: PendingPrediction[] = [];
  let markdown: string[] = [];
  let markdownLine = titleIndex + 2;

  const flushMarkdown = (nextLine: number) => {
    const body = markdown.join("\n");
    if (body.trim() !== "") {
      checkDisplayMath(body, markdownLine, file, errors);
      const leadingBlank = markdown.findIndex((l) => l.trim() !== "");
      blocks.push({ kind: "markdown", text: body.replace(/^\s*\n|\s+$/g, ""), line: markdownLine + leadingBlank });
    }
    markdown = [];
    markdownLine = nextLine;
  };

  for (let i = titleIndex + 1; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i]);
    const lang = fence?.[2] ?? "";
    if (!fence || (lang !== "python" && lang !== "predict")) {
      if (fence) {
        // another language's fence is Markdown to show verbatim; skip past it so its body is not parsed
        const close = findClose(lines, i, fence[1]);
        const end = close < 0 ? lines.length - 1 : close;
        if (close < 0) fail(i + 1, `code fence ${fence[1]} opened here is never closed`);
        markdown.push(...lines.slice(i, end + 1));
        i = end;
      } else {
        markdown.push(lines[i]);
      }
      continue;
    }
    const close = findClose(lines, i, fence[1]);
    if (close < 0) {
      fail(i + 1, `${fence[1]}${lang} block opened here is never closed (close it with ${fence[1]} on its own line)`);
      break;
    }
    flushMarkdown(close + 2);
    const body = lines.slice(i + 1, close);
    if (lang === "python") {
      const cell = parseCellFence(fence[3], body, i + 1, cells.length, file, errors);
      if (cell) {
        if (cell.id && cells.some((c) => c.id === cell.id)) fail(i + 1, `two code cells are called '${cell.id}'`);
        blocks.push({ kind: "code", cell: cells.length });
        cells.push(cell);
      }
    } else {
      if (fence[3].trim() !== "") fail(i + 1, `unexpected text after \`\`\`predict: '${fence[3].trim()}'`);
      const result = parsePredictBlock(body, i + 2, file);
      errors.push(...result.errors);
      if (result.prediction) {
        blocks.push({ kind: "predict", prediction: pending.length });
        pending.push({ raw: result.prediction, line: i + 1, cellsBefore: cells.length });
      }
    }
    i = close;
  }
  flushMarkdown(lines.length + 1);

  const predictions: Prediction[] = [];
  pending.forEach((p, index) => {
    const cellIndex = resolveCell(p.raw.cell, p.cellsBefore, cells);
    if (cellIndex === null) {
      fail(p.line, describeMissingCell(p.raw.cell));
      return;
    }
    const { cell: _cell, ...rest } = p.raw;
    predictions.push({ ...rest, index, cellIndex, line: p.line });
  });

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  const id = file.replace(/^.*[\\/]/, "").replace(/\.md$/i, "");
  const summary = firstParagraph(blocks);
  return { ok: true, lesson: { id, file, title: titleMatch[1], summary, blocks, cells, predictions } };
}

function findClose(lines: string[], open: number, fence: string): number {
  for (let j = open + 1; j < lines.length; j++) {
    const t = lines[j].trim();
    if (t.length >= fence.length && t === fence[0].repeat(t.length)) return j;
  }
  return -1;
}

function parseCellFence(info: string, body: string[], line: number, index: number, file: string, errors: LessonError[]): CodeCell | null {
  let id: string | null = null;
  let raises = false;
  for (const attr of info.split(/\s+/).filter(Boolean)) {
    const named = /^id=([\w-]+)$/.exec(attr);
    if (named) id = named[1];
    else if (attr === "raises") raises = true;
    else errors.push({ file, line, message: `unknown code cell option '${attr}' (options: id=NAME, raises)` });
  }
  if (body.every((l) => l.trim() === "")) {
    errors.push({ file, line, message: "empty ```python cell" });
    return null;
  }
  return { index, id, code: body.join("\n") + "\n", line: line + 1, raises };
}

function resolveCell(ref: CellRef, cellsBefore: number, cells: CodeCell[]): number | null {
  if (ref.kind === "next") return cellsBefore < cells.length ? cellsBefore : null;
  if (ref.kind === "previous") return cellsBefore > 0 ? cellsBefore - 1 : null;
  return cells.find((c) => c.id === ref.id)?.index ?? null;
}

function describeMissingCell(ref: CellRef): string {
  if (ref.kind === "next") return "this prediction is about the next code cell, but no ```python cell follows it";
  if (ref.kind === "previous") return "this prediction is about the previous code cell, but none comes before it";
  return `no code cell is called '${ref.id}' (name one with \`\`\`python id=${ref.id})`;
}

/** `$$` must come in pairs within a Markdown stretch, ignoring inline code and indented/fenced code. */
function checkDisplayMath(body: string, firstLine: number, file: string, errors: LessonError[]) {
  const lines = body.split("\n");
  let openLine = -1;
  let inFence = false;
  lines.forEach((raw, i) => {
    if (/^(`{3,}|~{3,})/.test(raw.trim())) inFence = !inFence;
    if (inFence) return;
    const text = raw.replace(/`[^`]*`/g, "").replace(/\\\$/g, "");
    for (let k = text.indexOf("$$"); k >= 0; k = text.indexOf("$$", k + 2)) openLine = openLine < 0 ? firstLine + i : -1;
  });
  if (openLine >= 0) errors.push({ file, line: openLine, message: "display math opened with $$ here is never closed" });
}

function firstParagraph(blocks: LessonBlock[]): string {
  const first = blocks[0];
  if (!first || first.kind !== "markdown") return "";
  const para: string[] = [];
  for (const line of first.text.split("\n")) {
    if (line.trim() === "" || /^#/.test(line)) break;
    para.push(line);
  }
  return para.join("\n");
}

export interface LessonFile {
  file: string;
  text: string;
}

/** Parses many files; one bad lesson never stops the others. Lessons come back sorted by file name. */
export function loadLessons(files: LessonFile[]): { lessons: Lesson[]; errors: LessonError[] } {
  const lessons: Lesson[] = [];
  const errors: LessonError[] = [];
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const result = parseLesson(f.text, f.file);
    if (!result.ok) errors.push(...result.errors);
    else if (lessons.some((l) => l.id === result.lesson.id)) errors.push({ file: f.file, line: 1, message: `a lesson called '${result.lesson.id}' is already loaded` });
    else lessons.push(result.lesson);
  }
  return { lessons, errors };
}
