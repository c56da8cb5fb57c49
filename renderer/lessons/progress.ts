// Lesson progress as plain data: answers given, cells run, where the student left off; saved as JSON in localStorage.

import type { Lesson } from "./lesson.ts";

export interface AnswerRecord {
  given: string;
  correct: boolean;
}

export interface LessonProgress {
  /** by prediction index */
  answers: Record<number, AnswerRecord>;
  /** indexes of the code cells the student has stepped through */
  cellsRun: number[];
  /** the block the student reached last, to scroll back to */
  lastBlock: number;
}

export interface ProgressState {
  lastLessonId: string | null;
  lessons: Record<string, LessonProgress>;
}

export const PROGRESS_KEY = "gradlens.lessons.progress.v1";

/** The part of the Web Storage API progress needs, so tests can pass a Map-backed fake. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const emptyProgress = (): ProgressState => ({ lastLessonId: null, lessons: {} });
const emptyLesson = (): LessonProgress => ({ answers: {}, cellsRun: [], lastBlock: 0 });

export function lessonProgress(state: ProgressState, lessonId: string): LessonProgress {
  return state.lessons[lessonId] ?? emptyLesson();
}

function update(state: ProgressState, lessonId: string, change: (p: LessonProgress) => LessonProgress): ProgressState {
  return { lastLessonId: lessonId, lessons: { ...state.lessons, [lessonId]: change(lessonProgress(state, lessonId)) } };
}

/** The first answer counts: revealing the truth and then typing it again should not turn red into green. */
export function recordAnswer(state: ProgressState, lessonId: string, prediction: number, answer: AnswerRecord): ProgressState {
  if (lessonProgress(state, lessonId).answers[prediction]) return state;
  return update(state, lessonId, (p) => ({ ...p, answers: { ...p.answers, [prediction]: answer } }));
}

export function recordCellRun(state: ProgressState, lessonId: string, cell: number): ProgressState {
  return update(state, lessonId, (p) => (p.cellsRun.includes(cell) ? p : { ...p, cellsRun: [...p.cellsRun, cell].sort((a, b) => a - b) }));
}

export function recordPosition(state: ProgressState, lessonId: string, block: number): ProgressState {
  return update(state, lessonId, (p) => ({ ...p, lastBlock: block }));
}

export function resetLesson(state: ProgressState, lessonId: string): ProgressState {
  const lessons = { ...state.lessons };
  delete lessons[lessonId];
  return { ...state, lessons };
}

/** Done = every prediction answered and every cell stepped through; 0..1 for the sidebar's bar. */
export function fractionDone(lesson: Lesson, progress: LessonProgress): number {
  const total = lesson.predictions.length + lesson.cells.length;
  if (total === 0) return 1;
  const answered = lesson.predictions.filter((p) => progress.answers[p.index]).length;
  const run = lesson.cells.filter((c) => progress.cellsRun.includes(c.index)).length;
  return (answered + run) / total;
}

export function loadProgress(store: KeyValueStore | undefined): ProgressState {
  try {
    const raw = store?.getItem(PROGRESS_KEY);
    if (!raw) return emptyProgress();
    return sanitize(JSON.parse(raw));
  } catch {
    // unreadable storage or JSON someone edited by hand: start fresh rather than break the lessons
    return emptyProgress();
  }
}

export function saveProgress(store: KeyValueStore | undefined, state: ProgressState): void {
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(state));
  } catch {
    // storage full or disabled (private mode): progress just lasts for this session
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function sanitize(data: unknown): ProgressState {
  if (!isObject(data)) return emptyProgress();
  const lessons: Record<string, LessonProgress> = {};
  if (isObject(data.lessons)) {
    for (const [id, p] of Object.entries(data.lessons)) {
      if (!isObject(p)) continue;
      const answers: Record<number, AnswerRecord> = {};
      if (isObject(p.answers)) {
        for (const [k, a] of Object.entries(p.answers)) {
          if (/^\d+$/.test(k) && isObject(a) && typeof a.given === "string" && typeof a.correct === "boolean") answers[Number(k)] = { given: a.given, correct: a.correct };
        }
      }
      const cellsRun = Array.isArray(p.cellsRun) ? p.cellsRun.filter((n): n is number => Number.isInteger(n) && n >= 0) : [];
      const lastBlock = Number.isInteger(p.lastBlock) && (p.lastBlock as number) >= 0 ? (p.lastBlock as number) : 0;
      lessons[id] = { answers, cellsRun, lastBlock };
    }
  }
  return { lastLessonId: typeof data.lastLessonId === "string" ? data.lastLessonId : null, lessons };
}
