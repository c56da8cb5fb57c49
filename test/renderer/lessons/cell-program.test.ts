import { describe, expect, it } from "vitest";
import { cellProgram } from "../../../renderer/lessons/cell-program.ts";
import { cellLineOf, cellTraceback } from "../../../renderer/lessons/cell-lines.ts";
import type { Lesson } from "../../../renderer/lessons/lesson.ts";
import { parseLesson } from "../../../renderer/lessons/parse.ts";

const F = "```";
const r = parseLesson(
  ["# L", `${F}python`, "import torch", "x = 1", F, `${F}python raises`, "y = x", "", "x.nope()", F, `${F}python`, "print(x, y)", F, ""].join("\n"),
  "01-l.md",
);
const lesson = (r as { ok: true; lesson: Lesson }).lesson;

describe("cellProgram", () => {
  it.each([
    { cell: 0, program: "import torch\nx = 1\n", startLine: 1, endLine: 2, cells: [{ index: 0, from: 1, to: 2 }] },
    { cell: 1, program: "# --- cell 1 ---\nimport torch\nx = 1\n# --- cell 2 ---\ny = x\n\nx.nope()\n", startLine: 5, endLine: 7, cells: [{ index: 0, from: 2, to: 3 }, { index: 1, from: 5, to: 7 }] },
    {
      cell: 2,
      program: [
        "# --- cell 1 ---", "import torch", "x = 1",
        "# --- cell 2 ---", "try:", "    y = x", "", "    x.nope()", "except Exception as e:", '    print(f"{type(e).__name__}: {e}")',
        "# --- cell 3 ---", "print(x, y)", "",
      ].join("\n"),
      startLine: 12,
      endLine: 12,
      // the wrapped cell's code is indented inside try: (lines 6..8), its own lines 1..3
      cells: [{ index: 0, from: 2, to: 3 }, { index: 1, from: 6, to: 8 }, { index: 2, from: 12, to: 12 }],
    },
  ])("cell $cell runs after the cells above it, a raising cell wrapped so the rest still runs", ({ cell, program, startLine, endLine, cells }) => {
    expect(cellProgram(lesson, cell)).toEqual({ lessonId: "01-l", cellIndex: cell, program, startLine, endLine, cells });
  });

  it.each([
    { line: 2, expected: { cellIndex: 0, line: 1 } },
    { line: 8, expected: { cellIndex: 1, line: 3 } },
    { line: 12, expected: { cellIndex: 2, line: 1 } },
    { line: 4, expected: null },
  ])("program line $line is $expected in its cell", ({ line, expected }) => {
    expect(cellLineOf(cellProgram(lesson, 2), line)).toEqual(expected);
  });

  it("tracebacks name the cell's own lines", () => {
    const tb = 'Traceback (most recent call last):\n  File "script.py", line 12, in <module>\n    print(x, y)\nNameError: name \'y\' is not defined\n';
    expect(cellTraceback(tb, cellProgram(lesson, 2))).toBe('Traceback (most recent call last):\n  Cell 3, line 1, in <module>\n    print(x, y)\nNameError: name \'y\' is not defined\n');
  });

  it("points startLine..endLine at the cell's own code", () => {
    const p = cellProgram(lesson, 2);
    expect(p.program.split("\n").slice(p.startLine - 1, p.endLine)).toEqual(["print(x, y)"]);
  });
});
