// glibc-exact exp and pow against values recorded from the answer key's libm (via ctypes).

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { libmExp } from "../../../engine/random/libmExp.ts";
import { libmPow } from "../../../engine/random/libmPow.ts";

const values = JSON.parse(readFileSync(new URL("../../fixtures/random/libm-exp-pow-values.json", import.meta.url), "utf8")) as {
  exp: [number, number][];
  pow: [number, number, number][];
};

describe("glibc's exp and pow, bit for bit", () => {
  it("exp over its table path, subnormal results and the overflow edge", () => {
    const wrong = values.exp.filter(([x, y]) => !Object.is(libmExp(x), y));
    expect(wrong).toEqual([]);
  });
  it("pow over random bases and exponents, integer exponents of negative bases, subnormal bases, huge exponents", () => {
    const wrong = values.pow.filter(([x, y, r]) => !Object.is(libmPow(x, y), r));
    expect(wrong).toEqual([]);
  });
  it("where JS's own Math.exp and ** differ from glibc, we follow glibc", () => {
    expect(values.exp.filter(([x, y]) => Math.exp(x) !== y).length).toBeGreaterThan(10);
    expect(values.pow.filter(([x, y, r]) => x ** y !== r).length).toBeGreaterThan(10);
  });
  it("pow's special values as C's pow gives them", () => {
    expect(libmPow(0, -1)).toBe(Infinity);
    expect(Object.is(libmPow(-0, 3), -0)).toBe(true);
    expect(libmPow(-8, 1 / 3)).toBeNaN();
    expect(libmPow(-2, 3)).toBe(-8);
    expect(libmPow(1, NaN)).toBe(1);
    expect(libmPow(NaN, 0)).toBe(1);
    expect(libmPow(2, 1024)).toBe(Infinity);
    expect(libmPow(0.5, Infinity)).toBe(0);
  });
});
