// Test helper: the shipped lessons from assets/lessons and their PyTorch-recorded fixtures.

import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadLessons } from "../../../renderer/lessons/parse.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

export interface RecordedCell {
  code: string;
  stdout: string;
  error: string | null;
}

export interface LessonFixture {
  lesson: string;
  recordedWith: string;
  cells: RecordedCell[];
}

export const lessonFileNames = readdirSync(`${root}assets/lessons`).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();

export function loadShippedLessons() {
  return loadLessons(lessonFileNames.map((f) => ({ file: `assets/lessons/${f}`, text: readFileSync(`${root}assets/lessons/${f}`, "utf8") })));
}

export function readFixture(lessonId: string): LessonFixture {
  return JSON.parse(readFileSync(`${root}test/fixtures/lessons/${lessonId}.json`, "utf8")) as LessonFixture;
}
