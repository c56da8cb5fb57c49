// Runs every code cell of every shipped lesson through our interpreter, the way the lesson view
// runs it (the cells above it first, notebook-style), and compares with real PyTorch's output.

import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython, type RunOutcome } from "../../../engine/python/run.ts";
import { answerMatchesLine, outputLine, withoutAddresses } from "../../../renderer/lessons/answer.ts";
import { cellProgram } from "../../../renderer/lessons/cell-program.ts";
import type { Lesson } from "../../../renderer/lessons/lesson.ts";
import { loadShippedLessons, readFixture } from "./lesson-files.ts";

const { lessons } = loadShippedLessons();

const runs = new Map<string, RunOutcome & { statementLines: number[] }>();
function runCell(lesson: Lesson, cell: number) {
  const key = `${lesson.id}#${cell}`;
  if (!runs.has(key)) {
    const statementLines: number[] = [];
    const sink = (e: TraceEvent) => {
      if (e.kind === "statement") statementLines.push(e.span.line);
    };
    runs.set(key, { ...runPython(cellProgram(lesson, cell).program, { filename: `${lesson.id}.py`, timeLimitMs: 20_000, sink }), statementLines });
  }
  return runs.get(key)!;
}

const cases = lessons.flatMap((lesson) => lesson.cells.map((cell) => ({ name: `${lesson.id} cell ${cell.index + 1} (line ${cell.line})`, lesson, cell: cell.index })));

describe("every lesson cell prints what PyTorch printed", () => {
  it.each(cases)("$name", ({ lesson, cell }) => {
    const recorded = readFixture(lesson.id).cells;
    // cells above run first; one that raised prints its error line instead of stopping (see cellProgram)
    const before = recorded
      .slice(0, cell)
      .map((c) => c.stdout + (c.error ? c.error + "\n" : ""))
      .join("");
    const outcome = runCell(lesson, cell);
    expect(outcome.internalFault, String(outcome.internalFault)).toBeNull();
    // recordings write objects' addresses as 0x0
    const stdout = withoutAddresses(outcome.stdout);
    expect(stdout.slice(0, before.length), "output of the cells above").toBe(before);
    expect(stdout.slice(before.length), "this cell's output").toBe(recorded[cell].stdout);
    expect(outcome.error ? `${outcome.error.type}: ${outcome.error.message}` : null, "this cell's error").toBe(recorded[cell].error);
    // stepping through the cell in the views means statement events on the cell's own lines, every one of them
    const { startLine, endLine, program } = cellProgram(lesson, cell);
    const codeLines = program.split("\n").map((text, i) => ({ text, line: i + 1 })).filter((l) => l.line >= startLine && l.line <= endLine && l.text.trim() !== "" && !l.text.trim().startsWith("#"));
    const stepped = new Set(outcome.statementLines.filter((l) => l >= startLine && l <= endLine));
    const firstStatementLines = codeLines.filter((l) => !/^\s/.test(l.text)).map((l) => l.line);
    expect(firstStatementLines.filter((l) => !stepped.has(l)), "top-level lines of the cell never stepped").toEqual(
      outcome.error ? firstStatementLines.filter((l) => l > outcome.error!.line) : [],
    );
  });
});

describe("every prediction's answer is what our engine prints at that step", () => {
  const predictions = lessons.flatMap((lesson) => lesson.predictions.map((p) => ({ name: `${lesson.id} prediction ${p.index + 1} (line ${p.line})`, lesson, p })));
  it.each(predictions)("$name", ({ lesson, p }) => {
    const recorded = readFixture(lesson.id).cells;
    const before = recorded.slice(0, p.cellIndex).map((c) => c.stdout + (c.error ? c.error + "\n" : "")).join("").length;
    const outcome = runCell(lesson, p.cellIndex);
    const error = outcome.error ? `${outcome.error.type}: ${outcome.error.message}` : null;
    const line = outputLine(withoutAddresses(outcome.stdout).slice(before), error, p.output);
    expect(line, "the engine printed no such line").not.toBeNull();
    expect(answerMatchesLine(p.answer, line!), `engine printed: ${line}`).toBe(true);
  });
});
