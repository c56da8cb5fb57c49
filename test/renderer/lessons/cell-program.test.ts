import { describe, expect, it } from "vitest";
import { cellProgram } from "../../../renderer/lessons/cell-program.ts";
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
    { cell: 0, program: "import torch\nx = 1\n", startLine: 1, endLine: 2 },
    { cell: 1, program: "# --- cell 1 ---\nimport torch\nx = 1\n# --- cell 2 ---\ny = x\n\nx.nope()\n", startLine: 5, endLine: 7 },
    {
      cell: 2,
      program: [
        "# --- cell 1 ---", "import torch", "x = 1",
        "# --- cell 2 ---", "try:", "    y = x", "", "    x.nope()", "except Exception as e:", '    print(f"{type(e).__name__}: {e}")',
        "# --- cell 3 ---", "print(x, y)", "",
      ].join("\n"),
      startLine: 12,
      endLine: 12,
    },
  ])("cell $cell runs after the cells above it, a raising cell wrapped so the rest still runs", ({ cell, program, startLine, endLine }) => {
    expect(cellProgram(lesson, cell)).toEqual({ lessonId: "01-l", cellIndex: cell, program, startLine, endLine });
  });

  it("points startLine..endLine at the cell's own code", () => {
    const p = cellProgram(lesson, 2);
    expect(p.program.split("\n").slice(p.startLine - 1, p.endLine)).toEqual(["print(x, y)"]);
  });
});
