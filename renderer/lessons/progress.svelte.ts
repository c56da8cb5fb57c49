// The one owner of lesson progress in the UI: reactive state, saved to localStorage on every change.

import type { Lesson } from "./lesson.ts";
import {
  type AnswerRecord,
  type KeyValueStore,
  type LessonProgress,
  type ProgressState,
  fractionDone,
  lessonProgress,
  loadProgress,
  recordAnswer,
  recordCellRun,
  recordPosition,
  resetLesson,
  saveProgress,
} from "./progress.ts";

function defaultStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export class LessonProgressStore {
  state = $state<ProgressState>({ lastLessonId: null, lessons: {} });
  readonly #store: KeyValueStore | undefined;

  constructor(store: KeyValueStore | undefined = defaultStore()) {
    this.#store = store;
    this.state = loadProgress(store);
  }

  #set(next: ProgressState) {
    this.state = next;
    saveProgress(this.#store, next);
  }

  of(lessonId: string): LessonProgress {
    return lessonProgress(this.state, lessonId);
  }

  fraction(lesson: Lesson): number {
    return fractionDone(lesson, this.of(lesson.id));
  }

  answer(lessonId: string, prediction: number, answer: AnswerRecord) {
    this.#set(recordAnswer(this.state, lessonId, prediction, answer));
  }

  cellRun(lessonId: string, cell: number) {
    this.#set(recordCellRun(this.state, lessonId, cell));
  }

  position(lessonId: string, block: number) {
    this.#set(recordPosition(this.state, lessonId, block));
  }

  reset(lessonId: string) {
    this.#set(resetLesson(this.state, lessonId));
  }
}
