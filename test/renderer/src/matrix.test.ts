import { describe, expect, it } from "vitest";
import { cellShade, gridOf, repeats } from "../../../renderer/src/lib/matrix.ts";

describe("gridOf", () => {
  it.each([
    { values: [1, 2, 3, 4, 5, 6], shape: [2, 3], expected: { rows: 2, cols: 3, max: 6, chars: 2 } },
    { values: [1, 2, 3], shape: [3], expected: null },
    { values: [], shape: [0, 3], expected: null },
    { values: new Array(65).fill(1), shape: [5, 13], expected: null },
  ])("$shape", ({ values, shape, expected }) => {
    const g = gridOf(values, shape);
    expect(g && { rows: g.rows, cols: g.cols, max: g.max, chars: g.chars }).toEqual(expected);
  });
});

describe("repeats: Problem 2's A.grad has identical rows, X.grad identical columns", () => {
  it.each([
    { what: "A.grad (4x3)", values: [2.5, 1.3, -0.3, 2.5, 1.3, -0.3, 2.5, 1.3, -0.3, 2.5, 1.3, -0.3], shape: [4, 3], expected: { rows: true, cols: false } },
    { what: "X.grad (3x2)", values: [-2.7, -2.7, 2.9, 2.9, -1.6, -1.6], shape: [3, 2], expected: { rows: false, cols: true } },
    { what: "a one-hot G", values: [1, 0, 0, 0], shape: [2, 2], expected: { rows: false, cols: false } },
  ])("$what", ({ values, shape, expected }) => {
    expect(repeats(gridOf(values, shape)!)).toEqual(expected);
  });
});

describe("cellShade", () => {
  it.each([
    { v: 2, max: 4, expected: { sign: "pos", strength: 0.5 } },
    { v: -4, max: 4, expected: { sign: "neg", strength: 1 } },
    { v: 0, max: 4, expected: { sign: "zero", strength: 0 } },
    { v: NaN, max: 4, expected: { sign: "zero", strength: 0 } },
  ])("$v of $max", ({ v, max, expected }) => expect(cellShade(v, max)).toEqual(expected));
});
