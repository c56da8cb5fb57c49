import { describe, expect, it } from "vitest";
import type { Lesson } from "../../../renderer/lessons/lesson.ts";
import { parseLesson } from "../../../renderer/lessons/parse.ts";
import {
  PROGRESS_KEY,
  emptyProgress,
  fractionDone,
  lessonProgress,
  loadProgress,
  recordAnswer,
  recordCellRun,
  recordPosition,
  resetLesson,
  saveProgress,
  type KeyValueStore,
} from "../../../renderer/lessons/progress.ts";

const F = "```";
const parsed = parseLesson(
  ["# L", `${F}predict`, "question: Q", "answer: 1", "explain: E", F, `${F}python`, "print(1)", F, `${F}python`, "print(2)", F, ""].join("\n"),
  "01-l.md",
);
const lesson = (parsed as { ok: true; lesson: Lesson }).lesson;

class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

describe("progress", () => {
  it("counts answered predictions and stepped cells towards done", () => {
    let s = emptyProgress();
    expect(fractionDone(lesson, lessonProgress(s, lesson.id))).toBe(0);
    s = recordAnswer(s, lesson.id, 0, { given: "2", correct: false });
    s = recordCellRun(s, lesson.id, 1);
    s = recordCellRun(s, lesson.id, 1);
    expect(fractionDone(lesson, lessonProgress(s, lesson.id))).toBeCloseTo(2 / 3);
    s = recordCellRun(s, lesson.id, 0);
    expect(fractionDone(lesson, lessonProgress(s, lesson.id))).toBe(1);
    expect(s.lastLessonId).toBe(lesson.id);
  });

  it("keeps the first answer: a wrong guess stays wrong after the reveal", () => {
    let s = recordAnswer(emptyProgress(), "l", 0, { given: "18", correct: false });
    s = recordAnswer(s, "l", 0, { given: "45", correct: true });
    expect(lessonProgress(s, "l").answers[0]).toEqual({ given: "18", correct: false });
  });

  it("survives a restart through the store", () => {
    const store = new MemoryStore();
    let s = recordPosition(recordAnswer(emptyProgress(), "03-x", 2, { given: "45", correct: true }), "03-x", 7);
    saveProgress(store, s);
    s = loadProgress(store);
    expect(s).toEqual({ lastLessonId: "03-x", lessons: { "03-x": { answers: { 2: { given: "45", correct: true } }, cellsRun: [], lastBlock: 7 } } });
    expect(resetLesson(s, "03-x").lessons).toEqual({});
  });

  it.each([
    { name: "nothing stored", raw: null },
    { name: "not JSON", raw: "{oops" },
    { name: "wrong shape", raw: "[1,2,3]" },
  ])("starts fresh when storage holds $name", ({ raw }) => {
    const store = new MemoryStore();
    if (raw !== null) store.setItem(PROGRESS_KEY, raw);
    expect(loadProgress(store)).toEqual(emptyProgress());
  });

  it("drops malformed entries but keeps good ones", () => {
    const store = new MemoryStore();
    store.setItem(PROGRESS_KEY, JSON.stringify({ lastLessonId: 5, lessons: { a: { answers: { 0: { given: "x", correct: true }, 1: { given: 3 } }, cellsRun: [1, "2", -1], lastBlock: "top" }, b: 7 } }));
    expect(loadProgress(store)).toEqual({ lastLessonId: null, lessons: { a: { answers: { 0: { given: "x", correct: true } }, cellsRun: [1], lastBlock: 0 } } });
  });

  it("does not throw when storage is missing or refuses writes", () => {
    const full: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(() => saveProgress(full, emptyProgress())).not.toThrow();
    expect(loadProgress(undefined)).toEqual(emptyProgress());
  });
});
