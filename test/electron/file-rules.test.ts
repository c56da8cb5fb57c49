import { describe, expect, it } from "vitest";
import {
  MAX_OPEN_BYTES,
  decodeTextFile,
  firstInvalidUtf8,
  sanitizeFileName,
  scriptNameFor,
  stepFileNames,
} from "../../electron/file-rules.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeTextFile: which files a student can open", () => {
  const cases: { what: string; name: string; bytes: Uint8Array; text?: string; reason?: RegExp }[] =
    [
      {
        what: "a plain script",
        name: "loss.py",
        bytes: utf8("import torch\nx = 1\n"),
        text: "import torch\nx = 1\n",
      },
      { what: "an upper-case extension", name: "LOSS.PY", bytes: utf8("x = 1"), text: "x = 1" },
      {
        what: "a lesson in Markdown",
        name: "lesson.md",
        bytes: utf8("# Grad $x^2$"),
        text: "# Grad $x^2$",
      },
      {
        what: "non-ASCII UTF-8 (comments in French, Greek names)",
        name: "café.py",
        bytes: utf8("# dérivée: ∂y/∂x"),
        text: "# dérivée: ∂y/∂x",
      },
      {
        what: "a UTF-8 byte-order mark is dropped",
        name: "win.py",
        bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("x = 1")]),
        text: "x = 1",
      },
      { what: "an empty file", name: "empty.py", bytes: new Uint8Array(), text: "" },
      {
        what: "Latin-1 text",
        name: "old.py",
        bytes: new Uint8Array([...utf8("# caf"), 0xe9, 0x0a]),
        reason: /old\.py is not UTF-8 text \(byte 0xe9 at offset 5\)/,
      },
      {
        what: "UTF-16 text",
        name: "u16.py",
        bytes: new Uint8Array([0xff, 0xfe, 0x78, 0x00]),
        reason: /binary|not UTF-8/,
      },
      {
        what: "a binary with NUL bytes",
        name: "model.py",
        bytes: new Uint8Array([0x78, 0x00, 0x01]),
        reason: /model\.py looks like a binary file/,
      },
      {
        what: "a picture",
        name: "graph.png",
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
        reason:
          /graph\.png is not a script or lesson: Gradlens opens \.py, \.md, \.markdown, \.txt, \.ipynb files/,
      },
      {
        what: "a file without extension",
        name: "Makefile",
        bytes: utf8("all:"),
        reason: /not a script or lesson/,
      },
      {
        what: "a file one byte over the limit",
        name: "huge.py",
        bytes: new Uint8Array(MAX_OPEN_BYTES + 1).fill(0x41),
        reason: /huge\.py is 1\.0 MB; Gradlens opens scripts and lessons up to 1\.0 MB/,
      },
    ];
  it.each(cases)("$what", ({ name, bytes, text, reason }) => {
    const result = decodeTextFile(name, bytes);
    if (text !== undefined) expect(result).toEqual({ ok: true, text });
    else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(reason!);
    }
  });

  it("opens a file exactly at the size limit", () => {
    expect(decodeTextFile("big.py", new Uint8Array(MAX_OPEN_BYTES).fill(0x41)).ok).toBe(true);
  });
});

describe("firstInvalidUtf8 points at the offending byte", () => {
  it.each([
    { bytes: [0x61, 0xe9, 0x61], at: 1 },
    { bytes: [0xc0, 0x80], at: 0 }, // overlong encoding
    { bytes: [0x61, 0x62, 0xe2, 0x82], at: 2 }, // truncated 3-byte sequence
    { bytes: [0xe2, 0x82, 0xac, 0xff], at: 3 }, // € then 0xff
  ])("$bytes -> $at", ({ bytes, at }) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(at);
  });
});

describe("sanitizeFileName: a suggested name can never become a path", () => {
  it.each([
    { suggested: "loss.py", ext: ".py", expected: "loss.py" },
    { suggested: "loss", ext: ".py", expected: "loss.py" },
    { suggested: "../../etc/passwd", ext: ".py", expected: "passwd.py" },
    { suggested: "C:\\Users\\ana\\graph.svg", ext: ".svg", expected: "graph.svg" },
    { suggested: "graph.SVG", ext: ".svg", expected: "graph.svg" },
    { suggested: 'a<b>:c"d|e?f*.py', ext: ".py", expected: "abcdef.py" },
    { suggested: "tab\there\u0000.py", ext: ".py", expected: "tabhere.py" },
    { suggested: ".bashrc", ext: ".py", expected: "bashrc.py" },
    { suggested: "  step 3 . ", ext: ".png", expected: "step 3.png" },
    { suggested: "CON", ext: ".py", expected: "untitled.py" },
    { suggested: "lpt1.dot", ext: ".dot", expected: "untitled.dot" },
    { suggested: "", ext: ".svg", expected: "untitled.svg" },
    { suggested: "/", ext: ".svg", expected: "untitled.svg" },
    { suggested: "..", ext: ".svg", expected: "untitled.svg" },
  ])("$suggested ($ext) -> $expected", ({ suggested, ext, expected }) => {
    expect(sanitizeFileName(suggested, ext)).toBe(expected);
  });

  it("caps very long names at 120 characters, keeping the extension", () => {
    const name = sanitizeFileName("x".repeat(500), ".svg");
    expect(name).toHaveLength(120);
    expect(name.endsWith(".svg")).toBe(true);
  });
});

describe("stepFileNames: export all steps names files so they sort in step order", () => {
  it.each([
    {
      chosen: "graph.svg",
      count: 3,
      kind: "svg" as const,
      expected: ["graph-step-001.svg", "graph-step-002.svg", "graph-step-003.svg"],
    },
    {
      chosen: "graph",
      count: 2,
      kind: "png" as const,
      expected: ["graph-step-001.png", "graph-step-002.png"],
    },
    { chosen: "../x/evil.dot", count: 1, kind: "dot" as const, expected: ["evil-step-001.dot"] },
  ])("$chosen x$count", ({ chosen, count, kind, expected }) => {
    expect(stepFileNames(chosen, count, kind)).toEqual(expected);
  });

  it("pads to four digits past 999 steps, and the names sort in order", () => {
    const names = stepFileNames("t.svg", 1200, "svg");
    expect(names[0]).toBe("t-step-0001.svg");
    expect(names[1199]).toBe("t-step-1200.svg");
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(1200);
  });
});

describe("scriptNameFor: the default name in the Save dialog", () => {
  it.each([
    { suggested: "problem3.py", expected: "problem3.py" },
    { suggested: "lesson-3.md", expected: "lesson-3.md" },
    { suggested: "notes.txt", expected: "notes.txt" },
    { suggested: "problem3", expected: "problem3.py" },
    { suggested: "", expected: "untitled.py" },
  ])("$suggested -> $expected", ({ suggested, expected }) => {
    expect(scriptNameFor(suggested)).toBe(expected);
  });
});
