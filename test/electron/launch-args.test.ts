import { describe, expect, it } from "vitest";
import { fileArgument } from "../../electron/launch-args.ts";

describe("fileArgument: the script to open from the command line", () => {
  it.each([
    { argv: ["/usr/bin/electron", "."], packaged: false, file: null },
    { argv: ["/usr/bin/electron", ".", "problem3.py"], packaged: false, file: "problem3.py" },
    {
      argv: ["/usr/bin/electron", "/app", "--inspect", "/home/a/lesson.md"],
      packaged: false,
      file: "/home/a/lesson.md",
    },
    {
      argv: ["/opt/Gradlens/gradlens", "/home/a/loss.py"],
      packaged: true,
      file: "/home/a/loss.py",
    },
    { argv: ["/opt/Gradlens/gradlens", "--no-sandbox"], packaged: true, file: null },
    {
      argv: ["/opt/Gradlens/gradlens", "photo.png", "notes.txt"],
      packaged: true,
      file: "notes.txt",
    },
    {
      argv: ["C:\\Gradlens\\Gradlens.exe", "C:\\Users\\a\\x.PY"],
      packaged: true,
      file: "C:\\Users\\a\\x.PY",
    },
    { argv: ["/usr/bin/electron", "main.py"], packaged: false, file: null },
  ])("$argv (packaged: $packaged) -> $file", ({ argv, packaged, file }) => {
    expect(fileArgument(argv, packaged)).toBe(file);
  });
});
