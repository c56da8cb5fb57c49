// Test page for the lesson components alone: the shipped lessons plus one broken file, with the
// callbacks the app shell would provide recorded on window for the e2e script to read.

import { mount } from "svelte";
import "katex/dist/katex.min.css";
import "../../../../renderer/src/theme.css";
import LessonsPanel from "../../../../renderer/lessons/LessonsPanel.svelte";
import { shippedLessons } from "../../../../renderer/lessons/bundled.ts";
import { loadLessons } from "../../../../renderer/lessons/parse.ts";
import type { CellProgram } from "../../../../renderer/lessons/cell-program.ts";

declare global {
  interface Window {
    lessonCalls: { kind: "run" | "open"; code: string; run: CellProgram }[];
    openLessonFile: (name: string, text: string) => boolean;
  }
}

const shipped = shippedLessons();
// a teacher's file with a mistake: it must be reported, and must not stop the others
const broken = loadLessons([{ file: "my-lessons/99-broken.md", text: "# Broken\n\n```predict\nquestion: Q?\nanswer: 1\n```\n" }]);
window.lessonCalls = [];
document.body.style.margin = "0";
document.getElementById("app")!.style.height = "100vh";

const panel = mount(LessonsPanel, {
  target: document.getElementById("app")!,
  props: {
    library: { lessons: shipped.lessons, errors: [...shipped.errors, ...broken.errors] },
    onRunCell: (code: string, run: CellProgram) => window.lessonCalls.push({ kind: "run", code, run }),
    onOpenInEditor: (code: string, run: CellProgram) => window.lessonCalls.push({ kind: "open", code, run }),
  },
});
// what the shell does with a file the host's Open dialog returned
window.openLessonFile = (name, text) => panel.openLessonFile({ name, text });
