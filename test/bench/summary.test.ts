import { describe, expect, it } from "vitest";
import { formatTable, ratio, time, type BenchRow } from "./summary.ts";

describe("bench summary", () => {
  it.each([
    { ms: 3.456, expected: "3.46 ms" },
    { ms: 45.67, expected: "45.7 ms" },
    { ms: 1234, expected: "1.23 s" },
    { ms: 69_300, expected: "69.3 s" },
    { ms: NaN, expected: "n/a" },
    { ms: null, expected: "n/a" },
  ])("time($ms) is $expected", ({ ms, expected }) => expect(time(ms)).toBe(expected));

  it.each([
    { ours: 590, reference: 140, expected: "4.21x" },
    { ours: 19, reference: 214, expected: "0.089x" },
    { ours: 5, reference: 0, expected: "" },
    { ours: 5, reference: null, expected: "" },
  ])("ratio($ours, $reference) is '$expected'", ({ ours, reference, expected }) => expect(ratio(ours, reference)).toBe(expected));

  it("prints one aligned table, the bench named on its first row, and counts the verdicts", () => {
    const rows: BenchRow[] = [
      { group: "export", row: "SVG, MLP 2000: CPU", ours: "1.10 s", reference: "dot 3.00 s", ratio: "0.37x", target: "<= 0.4x dot", verdict: "met" },
      { group: "export", row: "SVG, MLP 20000: CPU", ours: "3.60 s", reference: "dot > 240 s", ratio: "< 0.015x", target: "<= 3 s", verdict: "MISSED" },
      { group: "app", row: "heap", ours: "40 MB", reference: "", ratio: "", target: "", verdict: "" },
    ];
    const lines = formatTable(rows).split("\n");
    expect(lines[0]).toMatch(/^bench\s+row\s+ours\s+reference\s+ratio\s+target\s+met\?$/);
    expect(lines[2].startsWith("export  SVG, MLP 2000: CPU ")).toBe(true);
    expect(lines[3].startsWith("        SVG, MLP 20000: CPU")).toBe(true);
    expect(lines[4].startsWith("app     heap")).toBe(true);
    // figures right-aligned in their columns: the ratio column ends at the same place on every row
    expect(lines[2].indexOf("0.37x") + 5).toBe(lines[3].indexOf("< 0.015x") + 8);
    expect(lines.at(-1)).toBe("1 met, 1 missed, 1 without a target");
  });
});
