import { describe, expect, it } from "vitest";
import { formatLessonError } from "../../../renderer/lessons/lesson.ts";
import { loadLessons, parseLesson } from "../../../renderer/lessons/parse.ts";

const F = "```";

/** Builds a lesson file from lines so line numbers in the expectations are easy to count. */
const lesson = (...lines: string[]) => lines.join("\n") + "\n";

const GOOD = lesson(
  "# Aliases", //                                      1
  "", //                                               2
  "Why $f' = 27$ turns into 45.", //                   3
  "", //                                               4
  `${F}predict`, //                                    5
  "question: What does `print(x.grad)` show?", //      6
  "choices:", //                                       7
  "- tensor(18.)", //                                  8
  "- tensor(45., grad_fn=<CopyBackwards>)", //         9
  "answer: tensor(45., grad_fn=<CopyBackwards>)", //  10
  "explain: It adds", //                              11
  "  $27 + 18$.", //                                  12
  F, //                                               13
  "", //                                              14
  `${F}python id=alias`, //                           15
  "print(x.grad)", //                                 16
  F, //                                               17
  "", //                                              18
  "## Errors", //                                     19
  "", //                                              20
  `${F}python raises`, //                             21
  "y.backward()", //                                  22
  F, //                                               23
  "", //                                              24
  `${F}predict`, //                                   25
  "question: Which error?", //                        26
  "cell: previous", //                                27
  "output: error", //                                 28
  "answer: RuntimeError: Trying to backward ...", //  29
  "explain: Saved tensors were freed.", //            30
  F, //                                               31
  "", //                                              32
  `${F}predict`, //                                   33
  "question: Second line?", //                        34
  "cell: alias", //                                   35
  "output: 2", //                                     36
  "answer: 45", //                                    37
  "explain: Free answer.", //                         38
  F, //                                               39
);

describe("parseLesson: a well-formed lesson", () => {
  const result = parseLesson(GOOD, "lessons/03-alias.md");
  if (!result.ok) throw new Error(result.errors.map(formatLessonError).join("\n"));
  const l = result.lesson;

  it("takes id from the file name and title from the first heading", () => {
    expect(l.id).toBe("03-alias");
    expect(l.title).toBe("Aliases");
    expect(l.summary).toBe("Why $f' = 27$ turns into 45.");
  });

  it("finds the code cells with their options and first lines", () => {
    expect(l.cells).toEqual([
      { index: 0, id: "alias", code: "print(x.grad)\n", line: 16, raises: false },
      { index: 1, id: null, code: "y.backward()\n", line: 22, raises: true },
    ]);
  });

  it.each([
    { index: 0, cellIndex: 0, output: 1, choices: ["tensor(18.)", "tensor(45., grad_fn=<CopyBackwards>)"], answer: "tensor(45., grad_fn=<CopyBackwards>)", explain: "It adds\n$27 + 18$.", line: 5 },
    { index: 1, cellIndex: 1, output: "error", choices: null, answer: "RuntimeError: Trying to backward ...", explain: "Saved tensors were freed.", line: 25 },
    { index: 2, cellIndex: 0, output: 2, choices: null, answer: "45", explain: "Free answer.", line: 33 },
  ])("prediction $index points at cell $cellIndex, output $output", (expected) => {
    expect(l.predictions[expected.index]).toMatchObject(expected);
  });

  it("keeps the blocks in reading order", () => {
    expect(l.blocks.map((b) => b.kind)).toEqual(["markdown", "predict", "code", "markdown", "code", "predict", "predict"]);
    expect(l.blocks[3]).toEqual({ kind: "markdown", text: "## Errors", line: 19 });
  });
});

describe("parseLesson: other fences and math stay Markdown", () => {
  it("keeps a ```text block (even one containing ```python) as Markdown", () => {
    const r = parseLesson(lesson("# T", "", "````text", "```python", "not a cell", "```", "````", "", "$$a$$ and `$$`"), "t.md");
    expect(r.ok && r.lesson.cells).toEqual([]);
    expect(r.ok && r.lesson.blocks).toHaveLength(1);
  });
  it("accepts CRLF line endings and a byte-order mark", () => {
    const r = parseLesson("\uFEFF# T\r\n\r\n```python\r\nprint(1)\r\n```\r\n", "t.md");
    expect(r.ok && r.lesson.cells[0].code).toBe("print(1)\n");
  });
});

describe("parseLesson: malformed lessons name the file and line", () => {
  it.each([
    { name: "no title", text: lesson("Just text"), line: 1, message: "a lesson starts with its title on a line '# Title'" },
    { name: "unclosed python fence", text: lesson("# T", `${F}python`, "x = 1"), line: 2, message: "```python block opened here is never closed (close it with ``` on its own line)" },
    { name: "unclosed other fence", text: lesson("# T", "```text", "x"), line: 2, message: "code fence ``` opened here is never closed" },
    { name: "empty cell", text: lesson("# T", `${F}python`, "", F), line: 2, message: "empty ```python cell" },
    { name: "unknown cell option", text: lesson("# T", `${F}python run=no`, "x=1", F), line: 2, message: "unknown code cell option 'run=no' (options: id=NAME, raises)" },
    { name: "duplicate cell id", text: lesson("# T", `${F}python id=a`, "x=1", F, `${F}python id=a`, "y=1", F), line: 5, message: "two code cells are called 'a'" },
    { name: "missing answer", text: lesson("# T", `${F}predict`, "question: Q?", "explain: E", F, `${F}python`, "print(1)", F), line: 2, message: "predict block needs 'answer:'" },
    { name: "unknown field", text: lesson("# T", `${F}predict`, "question: Q?", "hint: no", "answer: 1", "explain: E", F, `${F}python`, "print(1)", F), line: 4, message: "unknown field 'hint' in predict block (fields: question, cell, output, choices, answer, explain; indent a continuation line that starts with a word and a colon)" },
    { name: "duplicate field", text: lesson("# T", `${F}predict`, "question: Q?", "answer: 1", "answer: 2", "explain: E", F, `${F}python`, "print(1)", F), line: 5, message: "field 'answer' appears twice in this predict block" },
    { name: "answer not a choice", text: lesson("# T", `${F}predict`, "question: Q?", "choices:", "- 1", "- 2", "answer: 3", "explain: E", F, `${F}python`, "print(3)", F), line: 7, message: "answer '3' is not one of the choices" },
    { name: "choices differing only in spacing", text: lesson("# T", `${F}predict`, "question: Q?", "choices:", "- tensor([0.0000, 2.5000])", "- tensor([ 0.0000,  2.5000])", "answer: tensor([ 0.0000,  2.5000])", "explain: E", F, `${F}python`, "print(1)", F), line: 4, message: "choices: two choices differ only in spacing (answers are graded by meaning, not whitespace)" },
    { name: "one choice", text: lesson("# T", `${F}predict`, "question: Q?", "choices:", "- 1", "answer: 1", "explain: E", F, `${F}python`, "print(1)", F), line: 4, message: "choices: give at least two" },
    { name: "choice not a list item", text: lesson("# T", `${F}predict`, "question: Q?", "choices:", "- 1", "  2", "answer: 1", "explain: E", F, `${F}python`, "print(1)", F), line: 6, message: "each choice goes on its own line starting with '- '" },
    { name: "bad output", text: lesson("# T", `${F}predict`, "question: Q?", "output: second", "answer: 1", "explain: E", F, `${F}python`, "print(1)", F), line: 4, message: "output: expected a line number (1, 2, ...), 'last' or 'error', got 'second'" },
    { name: "multi-line answer", text: lesson("# T", `${F}predict`, "question: Q?", "answer: 1", "  2", "explain: E", F, `${F}python`, "print(1)", F), line: 5, message: "'answer' takes a single line" },
    { name: "no next cell", text: lesson("# T", `${F}predict`, "question: Q?", "answer: 1", "explain: E", F), line: 2, message: "this prediction is about the next code cell, but no ```python cell follows it" },
    { name: "no previous cell", text: lesson("# T", `${F}predict`, "question: Q?", "cell: previous", "answer: 1", "explain: E", F), line: 2, message: "this prediction is about the previous code cell, but none comes before it" },
    { name: "unknown cell id", text: lesson("# T", `${F}predict`, "question: Q?", "cell: setup", "answer: 1", "explain: E", F), line: 2, message: "no code cell is called 'setup' (name one with ```python id=setup)" },
    { name: "unclosed display math", text: lesson("# T", "", "Intro", "", "$$ f(x) = x^3", "", "More."), line: 5, message: "display math opened with $$ here is never closed" },
  ])("$name", ({ text, line, message }) => {
    const r = parseLesson(text, "lessons/bad.md");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ file: "lessons/bad.md", line, message });
  });

  it("formats an error the way editors link it", () => {
    expect(formatLessonError({ file: "lessons/bad.md", line: 7, message: "boom" })).toBe("lessons/bad.md:7: boom");
  });
});

describe("loadLessons", () => {
  it("loads the good lessons in file order even when one is malformed", () => {
    const r = loadLessons([
      { file: "b/02-second.md", text: lesson("# Second", `${F}python`, "print(2)", F) },
      { file: "b/03-broken.md", text: lesson("# Broken", `${F}python`, "print(3)") },
      { file: "b/01-first.md", text: lesson("# First") },
    ]);
    expect(r.lessons.map((l) => l.title)).toEqual(["First", "Second"]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: "b/03-broken.md", line: 2 });
  });

  it("refuses a second lesson with the same id", () => {
    const r = loadLessons([
      { file: "a/01-x.md", text: lesson("# One") },
      { file: "b/01-x.md", text: lesson("# Two") },
    ]);
    expect(r.lessons).toHaveLength(1);
    expect(r.errors).toEqual([{ file: "b/01-x.md", line: 1, message: "a lesson called '01-x' is already loaded" }]);
  });
});
