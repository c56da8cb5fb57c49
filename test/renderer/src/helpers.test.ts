import { describe, expect, it } from "vitest";
import { formatNumber, formatValues, ordinal } from "../../../renderer/src/lib/format.ts";
import { isRunKey, keyAction } from "../../../renderer/src/lib/keys.ts";
import { pointAlong } from "../../../renderer/src/graph/graphLayout.ts";
import { consoleRuns } from "../../../renderer/src/console/consoleRuns.ts";

describe("formatNumber", () => {
  const cases = [
    { args: [27], expected: "27." },
    { args: [0], expected: "0." },
    { args: [-0.5], expected: "-0.5" },
    { args: [0.1 + 0.2], expected: "0.3" },
    { args: [1e-5], expected: "1.000e-5" },
    { args: [3, "int64"], expected: "3" },
    { args: [1, "bool"], expected: "True" },
    { args: [NaN], expected: "nan" },
  ] as const;
  for (const c of cases) it(`${c.args.join(", ")} -> ${c.expected}`, () => expect(formatNumber(...(c.args as unknown as [number, string?]))).toBe(c.expected));
});

describe("formatValues", () => {
  it("one value, a few values, many values", () => {
    expect(formatValues([27])).toBe("27.");
    expect(formatValues([1, 2, 3])).toBe("[1., 2., 3.]");
    expect(formatValues([1, 2, 3, 4, 5, 6])).toBe("[1., 2., 3., …, 6.] (6)");
  });
});

describe("ordinal", () => {
  const cases = [
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [22, "22nd"],
  ] as const;
  for (const [n, s] of cases) it(`${n} -> ${s}`, () => expect(ordinal(n)).toBe(s));
});

describe("keyAction", () => {
  const none = { shiftKey: false, ctrlKey: false, metaKey: false, altKey: false };
  const cases = [
    { key: "ArrowLeft", shift: false, expected: "back" },
    { key: "ArrowRight", shift: false, expected: "forward" },
    { key: "ArrowLeft", shift: true, expected: "prevStatement" },
    { key: "ArrowRight", shift: true, expected: "nextStatement" },
    { key: " ", shift: false, expected: "togglePlay" },
    { key: "Home", shift: false, expected: "home" },
    { key: "End", shift: false, expected: "end" },
    { key: "a", shift: false, expected: null },
  ];
  for (const c of cases) it(`${c.shift ? "Shift+" : ""}${c.key}`, () => expect(keyAction({ ...none, key: c.key, shiftKey: c.shift })).toBe(c.expected));
  it("ignores Ctrl+Arrow (the editor's word jump)", () => expect(keyAction({ ...none, key: "ArrowLeft", ctrlKey: true })).toBeNull());
});

describe("isRunKey", () => {
  const none = { shiftKey: false, ctrlKey: false, metaKey: false, altKey: false };
  const cases = [
    { args: { ...none, key: "Enter", ctrlKey: true }, expected: true },
    { args: { ...none, key: "Enter", metaKey: true }, expected: true },
    { args: { ...none, key: "Enter" }, expected: false },
    { args: { ...none, key: "Enter", ctrlKey: true, shiftKey: true }, expected: false },
    { args: { ...none, key: "Enter", ctrlKey: true, altKey: true }, expected: false },
    { args: { ...none, key: "e", ctrlKey: true }, expected: false },
  ];
  for (const c of cases) it(JSON.stringify(c.args), () => expect(isRunKey(c.args)).toBe(c.expected));
});

describe("pointAlong", () => {
  const cases = [
    { t: 0, expected: [0, 0] },
    { t: 0.5, expected: [10, 0] },
    { t: 0.75, expected: [10, 5] },
    { t: 1, expected: [10, 10] },
  ];
  for (const c of cases)
    it(`t=${c.t}`, () =>
      expect(
        pointAlong(
          [
            [0, 0],
            [10, 0],
            [10, 10],
          ],
          c.t,
        ),
      ).toEqual(c.expected));
});

describe("consoleRuns", () => {
  it("joins stdout chunks so the text reads exactly as printed", () => {
    const runs = consoleRuns([
      { kind: "stdout", text: "a", step: 1 },
      { kind: "stdout", text: "b\n", step: 2 },
    ]);
    expect(runs).toEqual([{ kind: "stdout", text: "ab\n", line: undefined, echoed: false }]);
  });
  it("an error already printed as a traceback on stderr keeps only its line link", () => {
    const runs = consoleRuns([
      { kind: "stderr", text: "Traceback (most recent call last):\n...\nNameError: name 'y' is not defined\n", step: 1 },
      { kind: "error", text: "NameError: name 'y' is not defined", line: 3, step: 2 },
    ]);
    expect(runs[1]).toMatchObject({ kind: "error", line: 3, echoed: true });
  });
});
