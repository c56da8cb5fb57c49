// The set of loaded lessons: the shipped ones plus any lesson file a teacher opens from disk.

import type { Lesson, LessonError } from "./lesson.ts";
import { parseLesson } from "./parse.ts";

export interface LessonLibrary {
  lessons: Lesson[];
  /** files that did not parse, shown in the sidebar */
  errors: LessonError[];
}

/** A lesson file is Markdown; anything else opened through the host is a script for the editor. */
export function isLessonFileName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/**
 * Adds a file the user opened (the host's `OpenedFile`: a name, never a path, and the text).
 * Opening the same file again replaces the earlier copy, so a teacher can edit and re-open.
 * `openedId` is the lesson to show, or null when the file did not parse (its errors are listed).
 */
export function addLessonFile(library: LessonLibrary, file: { name: string; text: string }): LessonLibrary & { openedId: string | null } {
  const result = parseLesson(file.text, file.name);
  const errors = library.errors.filter((e) => e.file !== file.name);
  if (!result.ok) return { lessons: library.lessons, errors: [...errors, ...result.errors], openedId: null };
  const lesson = result.lesson;
  const clash = library.lessons.find((l) => l.id === lesson.id && l.file !== file.name);
  // a teacher's file must not silently replace a shipped lesson with the same name
  if (clash) lesson.id = `${lesson.id} (${file.name})`;
  const lessons = [...library.lessons.filter((l) => l.file !== file.name), lesson];
  return { lessons, errors, openedId: lesson.id };
}
