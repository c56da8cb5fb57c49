// User text in exported files: whatever a program prints, names or raises, and whatever title is
// given, the SVG stays well-formed XML and the DOT stays a file Graphviz reads. Before, "]]>" in a
// printed string or a control character in a title, caption or error ended export with an
// uncaught XmlError, and a 50,000-character name made DOT that Graphviz refused.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExportComponents } from "../../../renderer/export/components.ts";
import { MAX_LABEL_CHARS, dotString, stepDot } from "../../../renderer/export/dot.ts";
import { loadExportComponents } from "../../../renderer/export/node-components.ts";
import { stepSvg } from "../../../renderer/export/svg.ts";
import { cleanMarkup, escapeXml, parseXml, textOf, elements, xmlSafe } from "../../../renderer/export/xml.ts";
import { traceOf } from "./helpers.ts";

let components: ExportComponents;
beforeAll(async () => {
  components = await loadExportComponents();
});

describe("one place for user text in exports (xml.ts)", () => {
  it.each([
    { text: "plain", safe: "plain", escaped: "plain" },
    { text: "a]]>b", safe: "a]]>b", escaped: "a]]&gt;b" },
    { text: "bell\u0007 nul\u0000 esc\u001b", safe: "bell\ufffd nul\ufffd esc\ufffd", escaped: "bell\ufffd nul\ufffd esc\ufffd" },
    { text: "tab\tnewline\n", safe: "tab\tnewline\n", escaped: "tab\tnewline\n" },
    { text: "lone \ud800 surrogate, pair \ud83d\ude00", safe: "lone \ufffd surrogate, pair \ud83d\ude00", escaped: "lone \ufffd surrogate, pair \ud83d\ude00" },
    { text: "\ufffe\uffff", safe: "\ufffd\ufffd", escaped: "\ufffd\ufffd" },
    { text: `<x a="1" b='2'>&`, safe: `<x a="1" b='2'>&`, escaped: "&lt;x a=&quot;1&quot; b=&apos;2&apos;&gt;&amp;" },
  ])("$text", ({ text, safe, escaped }) => {
    expect(xmlSafe(text)).toBe(safe);
    expect(escapeXml(text)).toBe(escaped);
    expect(textOf(parseXml(`<t>${escapeXml(text)}</t>`))).toBe(safe);
  });

  it("cleanMarkup keeps a renderer's markup and makes its text legal", () => {
    expect(cleanMarkup('<text x="1">a]]>b\u0001</text>')).toBe('<text x="1">a]]&gt;b\ufffd</text>');
    expect(textOf(parseXml(cleanMarkup("<text>x ]]> y</text>")))).toBe("x ]]> y");
  });

  it("dotString cuts a label long before Graphviz's 16,384-byte limit and escapes it", () => {
    const long = dotString("é".repeat(50_000));
    expect([...long].length).toBe(MAX_LABEL_CHARS + 2);
    expect(Buffer.byteLength(long)).toBeLessThan(16_384);
    expect(long.endsWith('…"')).toBe(true);
    expect(dotString('a"b\\c\nd\u0007')).toBe('"a\\"b\\\\c\\nd\ufffd"');
  });
});

const HOSTILE = [
  "import torch",
  's = "a]]>b\\x01c\\ud800"',
  "x = torch.tensor(2.0, requires_grad=True)",
  "y = x * 3",
  "print(s)",
  'raise ValueError("bad ]]> \\x07 thing")',
  "",
].join("\n");

describe("exports of a program that prints, names and raises hostile text", () => {
  it.each(["graph", "memory", "both"] as const)("the %s SVG is well-formed, with the text shown", (view) => {
    const cursor = traceOf(HOSTILE);
    for (const step of [cursor.length - 1, Math.floor(cursor.length / 2)]) {
      const svg = stepSvg(components, cursor, step, { view, title: "title \u0001 ]]> <b>" });
      const root = parseXml(svg);
      const texts = [...elements(root)].map((e) => (e.name === "text" || e.name === "title" ? textOf(e) : "")).join("\n");
      expect(texts).toContain("title \ufffd ]]> <b>");
      if (step === cursor.length - 1) expect(texts).toContain("ValueError: bad ]]> \ufffd thing");
    }
  });

  const longNameDot = (): string => {
    const name = "w".repeat(50_000);
    const cursor = traceOf(`import torch\n${name} = torch.tensor(2.0, requires_grad=True)\ny = ${name} * 3\n`);
    return stepDot(cursor.at(cursor.length - 1));
  };

  it("the DOT of a 50,000-character name keeps every quoted string under Graphviz's limit", () => {
    for (const m of longNameDot().matchAll(/"((?:[^"\\]|\\.)*)"/g)) expect(Buffer.byteLength(m[1])).toBeLessThan(16_384);
  });

  // Graphviz is installed for the benchmarks only (README): where it is, it must read the file
  it.skipIf(spawnSync("dot", ["-V"]).status !== 0)("Graphviz draws the DOT of a 50,000-character name", () => {
    const drawn = spawnSync("dot", ["-Tsvg"], { input: longNameDot(), encoding: "utf8" });
    expect(drawn.stderr).toBe("");
    expect(drawn.status).toBe(0);
  });
});
