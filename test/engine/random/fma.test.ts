// Fused multiply-add in double and single precision: one rounding, checked on hand-worked cases.

import { describe, expect, it } from "vitest";
import { fma } from "../../../engine/random/fma.ts";
import { fmaf } from "../../../engine/random/float32Math.ts";

const EPS = 2 ** -52;

describe("fma (double)", () => {
  it.each([
    // 0.1 is 0x1.999999999999ap-4, so 0.1*10 = 1 + 2^-54 exactly; unfused, the 2^-54 is rounded away.
    { a: 0.1, b: 10, c: -1, expected: 2 ** -54 },
    // (1 + eps)(1 - eps) = 1 - eps^2: fused keeps -eps^2.
    { a: 1 + EPS, b: 1 - EPS, c: -1, expected: -(2 ** -104) },
    // (1 + eps)^2 - 3*2^-53 = 1 + 2^-53 + 2^-104: just above the midpoint, so it rounds up to 1 + eps;
    // unfused, the 2^-104 is lost first and the tie rounds to even (1).
    { a: 1 + EPS, b: 1 + EPS, c: -3 * 2 ** -53, expected: 1 + EPS },
    { a: 3, b: 5, c: 7, expected: 22 },
    { a: 0, b: 5, c: -0, expected: 0 },
    { a: -2, b: 0.5, c: 1, expected: 0 },
  ])("fma($a, $b, $c) = $expected", ({ a, b, c, expected }) => {
    expect(fma(a, b, c)).toBe(expected);
  });

  it("differs from the unfused a*b + c where the product's low bits matter", () => {
    expect(0.1 * 10 - 1).toBe(0);
    expect(fma(0.1, 10, -1)).not.toBe(0);
  });
});

describe("fmaf (float32)", () => {
  const f = Math.fround;
  it.each([
    // f(0.1) = 13421773 * 2^-27; times 10 is 1 + 2^-26 exactly, which float32 keeps only when fused.
    { a: f(0.1), b: 10, c: -1, expected: 2 ** -26 },
    // 1 + 2^-24 + 2^-47 must round up to 1 + 2^-23 (rounding first to double would make a tie and round down).
    { a: 1 + 2 ** -23, b: 1 + 2 ** -24, c: -(2 ** -23), expected: 1 + 2 ** -23 },
    { a: 1.5, b: 2, c: 0.25, expected: 3.25 },
  ])("fmaf($a, $b, $c) = $expected", ({ a, b, c, expected }) => {
    expect(fmaf(a, b, c)).toBe(expected);
  });
});
