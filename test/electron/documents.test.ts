import { describe, expect, it } from "vitest";
import { DocumentPaths } from "../../electron/documents.ts";

describe("DocumentPaths: only a save dialog grants a path to write", () => {
  it("a new window has nowhere to write: Save must ask", () => {
    expect(new DocumentPaths().writePathFor(1)).toBeNull();
  });

  it("opening a file does not let Save overwrite it silently; the dialog starts there", () => {
    const docs = new DocumentPaths();
    docs.opened(1, "/home/a/problem3.py");
    expect(docs.writePathFor(1)).toBeNull();
    expect(docs.dialogDefaultFor(1)).toBe("/home/a/problem3.py");
  });

  it("after Save As, Save writes to the chosen file", () => {
    const docs = new DocumentPaths();
    docs.chosenInSaveDialog(1, "/home/a/mine.py");
    expect(docs.writePathFor(1)).toBe("/home/a/mine.py");
  });

  it("opening another file afterwards withdraws that permission", () => {
    const docs = new DocumentPaths();
    docs.chosenInSaveDialog(1, "/home/a/mine.py");
    docs.opened(1, "/home/a/lesson.md");
    expect(docs.writePathFor(1)).toBeNull();
  });

  it("windows do not share paths, and a closed window's are forgotten", () => {
    const docs = new DocumentPaths();
    docs.chosenInSaveDialog(1, "/a.py");
    expect(docs.writePathFor(2)).toBeNull();
    docs.forget(1);
    expect(docs.writePathFor(1)).toBeNull();
    expect(docs.dialogDefaultFor(1)).toBeNull();
  });
});
