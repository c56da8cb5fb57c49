// The ulp helpers that decide how close a float64 normal must be to PyTorch's, on hand-worked cases.

import { describe, expect, it } from "vitest";
import { ulp, ulpDistance, withinBoxMullerError } from "./floatDistance.ts";

const EPS = 2 ** -52;

describe("ulpDistance", () => {
  it.each([
    { a: 0.1, b: 0.1, ulps: 0 },
    { a: 1, b: 1 + EPS, ulps: 1 },
    { a: 1, b: 1 - EPS / 2, ulps: 1 }, // below 1 the doubles are twice as dense
    { a: -1, b: -1 - 2 * EPS, ulps: 2 },
    { a: 0, b: -0, ulps: 1 },
    { a: 2 ** -1074, b: -(2 ** -1074), ulps: 3 },
  ])("ulpDistance($a, $b) = $ulps", ({ a, b, ulps }) => {
    expect(ulpDistance(a, b)).toBe(ulps);
  });
});

describe("ulp", () => {
  it.each([
    { x: 1, gap: EPS },
    { x: -1, gap: EPS },
    { x: 1.5, gap: EPS },
    { x: 0.75, gap: EPS / 2 },
    { x: 0, gap: 2 ** -1074 },
  ])("ulp($x) = $gap", ({ x, gap }) => {
    expect(ulp(x)).toBe(gap);
  });
});

describe("withinBoxMullerError", () => {
  it.each([
    { got: 1.25, expected: 1.25, mean: 0, std: 1, ok: true },
    { got: 1.25 + 2 * EPS, expected: 1.25, mean: 0, std: 1, ok: true },
    { got: 1.25 + 3 * EPS, expected: 1.25, mean: 0, std: 1, ok: false },
    // 3z - 1 = 2 for z = 1: 2 ulps of z (2 * 2^-52) times 3, plus 1 ulp of 2 (2^-51), is 8 * 2^-52.
    { got: 2 + 8 * EPS, expected: 2, mean: -1, std: 3, ok: true },
    { got: 2 + 10 * EPS, expected: 2, mean: -1, std: 3, ok: false },
    // Near the mean, 3z - 1 cancels: z is about 1/3 (ulp 2^-54), so 6 * 2^-54 (plus 1 ulp of the result)
    // is allowed, which is 2^52 ulps of a result this small.
    { got: 2 ** -53, expected: 2 ** -54, mean: -1, std: 3, ok: true },
    { got: 2 ** -51, expected: 2 ** -54, mean: -1, std: 3, ok: false },
  ])("$got for $expected (mean $mean, std $std): $ok", ({ got, expected, mean, std, ok }) => {
    expect(withinBoxMullerError(got, expected, mean, std)).toBe(ok);
  });
});
