import { describe, expect, it } from "vitest";
import { addLessonFile, isLessonFileName } from "../../../renderer/lessons/library.ts";
import { loadLessons } from "../../../renderer/lessons/parse.ts";

const shipped = loadLessons([{ file: "assets/lessons/01-a.md", text: "# Shipped\n" }]);

describe("addLessonFile", () => {
  it("adds a teacher's lesson and says which one to open", () => {
    const lib = addLessonFile(shipped, { name: "my-lesson.md", text: "# Mine\n\n```python\nprint(1)\n```\n" });
    expect(lib.lessons.map((l) => l.title)).toEqual(["Shipped", "Mine"]);
    expect(lib.openedId).toBe("my-lesson");
  });

  it("lists a broken file's errors and opens nothing; fixing and re-opening replaces them", () => {
    const broken = addLessonFile(shipped, { name: "my-lesson.md", text: "no title\n" });
    expect(broken.openedId).toBeNull();
    expect(broken.errors).toEqual([{ file: "my-lesson.md", line: 1, message: "a lesson starts with its title on a line '# Title'" }]);
    const fixed = addLessonFile(broken, { name: "my-lesson.md", text: "# Fixed\n" });
    expect(fixed.errors).toEqual([]);
    expect(fixed.lessons.map((l) => l.title)).toEqual(["Shipped", "Fixed"]);
  });

  it("re-opening the same file replaces the earlier copy", () => {
    const once = addLessonFile(shipped, { name: "m.md", text: "# One\n" });
    const twice = addLessonFile(once, { name: "m.md", text: "# Two\n" });
    expect(twice.lessons.map((l) => l.title)).toEqual(["Shipped", "Two"]);
  });

  it("keeps a shipped lesson when a teacher's file has the same name", () => {
    const lib = addLessonFile(shipped, { name: "01-a.md", text: "# Impostor\n" });
    expect(lib.lessons.map((l) => [l.id, l.title])).toEqual([
      ["01-a", "Shipped"],
      ["01-a (01-a.md)", "Impostor"],
    ]);
    expect(lib.openedId).toBe("01-a (01-a.md)");
  });

  it.each([
    { name: "lesson.md", expected: true },
    { name: "LESSON.MARKDOWN", expected: true },
    { name: "script.py", expected: false },
  ])("isLessonFileName($name)", ({ name, expected }) => {
    expect(isLessonFileName(name)).toBe(expected);
  });
});
