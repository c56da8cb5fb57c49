import { describe, expect, it } from "vitest";
import { answerMatchesLine, outputLine } from "../../../renderer/lessons/answer.ts";
import { formatLessonError } from "../../../renderer/lessons/lesson.ts";
import { lessonFileNames, loadShippedLessons, readFixture } from "./lesson-files.ts";

const { lessons, errors } = loadShippedLessons();

describe("the shipped lessons", () => {
  it("all parse", () => {
    expect(errors.map(formatLessonError)).toEqual([]);
    expect(lessons.map((l) => l.id)).toEqual(lessonFileNames.map((f) => f.replace(/\.md$/, "")));
    expect(lessons).toHaveLength(9);
  });

  it.each(lessons.map((l) => [l.id, l] as const))("%s: the fixture holds exactly this lesson's code cells", (_id, lesson) => {
    const fixture = readFixture(lesson.id);
    expect(fixture.cells.map((c) => c.code)).toEqual(lesson.cells.map((c) => c.code));
  });

  it.each(lessons.map((l) => [l.id, l] as const))("%s: cells marked 'raises' are exactly those that raised in PyTorch", (_id, lesson) => {
    const fixture = readFixture(lesson.id);
    expect(lesson.cells.map((c) => c.raises)).toEqual(fixture.cells.map((c) => c.error !== null));
  });
});

const predictions = lessons.flatMap((lesson) =>
  lesson.predictions.map((p) => ({ name: `${lesson.id} prediction ${p.index + 1} (line ${p.line})`, lesson, p })),
);

describe("every prediction's answer is what PyTorch printed at that point", () => {
  it("there are predictions in every lesson", () => {
    for (const l of lessons) expect(l.predictions.length, l.id).toBeGreaterThanOrEqual(3);
  });

  it.each(predictions)("$name", ({ lesson, p }) => {
    const cell = readFixture(lesson.id).cells[p.cellIndex];
    const line = outputLine(cell.stdout, cell.error, p.output);
    expect(line, `cell ${p.cellIndex + 1} has no output line ${p.output}`).not.toBeNull();
    expect(answerMatchesLine(p.answer, line!), `printed: ${line}`).toBe(true);
    // every other choice must really be wrong, or the question is unfair
    for (const choice of p.choices ?? []) if (choice !== p.answer) expect(answerMatchesLine(choice, line!), choice).toBe(false);
  });
});
