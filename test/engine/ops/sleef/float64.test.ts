// SLEEF float64 kernels: special values, and inputs where PyTorch 2.6's double results
// (torch.exp(torch.tensor([x], dtype=torch.float64)).item() etc.) differ from glibc's.
import { describe, expect, it } from "vitest";
import { cosh as cosh64, exp as exp64, log as log64, sinh as sinh64, tanh as tanh64 } from "../../../../engine/ops/sleef/float64.ts";

describe("float64 SLEEF kernels", () => {
  const special: [string, (x: number) => number, number, number][] = [
    ["exp(-inf)", exp64, -Infinity, 0],
    ["exp(inf)", exp64, Infinity, Infinity],
    ["exp(710)", exp64, 710, Infinity],
    ["exp(-1001)", exp64, -1001, 0],
    ["exp(0)", exp64, 0, 1],
    ["log(0)", log64, 0, -Infinity],
    ["log(inf)", log64, Infinity, Infinity],
    ["log(1)", log64, 1, 0],
    ["tanh(-0)", tanh64, -0, -0],
    ["tanh(19)", tanh64, 19, 1],
    ["tanh(-inf)", tanh64, -Infinity, -1],
    ["sinh(-0)", sinh64, -0, -0],
    ["sinh(711)", sinh64, 711, Infinity],
    ["cosh(-711)", cosh64, -711, Infinity],
    // torch.sinh/cosh(torch.tensor([709.0], dtype=torch.float64)): no overflow inside the fma emulation
    ["sinh(709)", sinh64, 709, 4.109203730777486e307],
    ["cosh(709)", cosh64, 709, 4.109203730777486e307],
  ];
  it.each(special)("%s", (_n, fn, x, want) => expect(Object.is(fn(x), want)).toBe(true));
  it("NaN and out of domain", () => {
    for (const fn of [exp64, log64, tanh64, sinh64, cosh64]) expect(fn(NaN)).toBeNaN();
    expect(log64(-1)).toBeNaN();
  });
  const rows: [string, (x: number) => number, number, number][] = [
    ["exp", exp64, -9.96, 4.725273604437186e-5],
    ["exp", exp64, -9.92, 4.91811567850513e-5],
    ["log", log64, 0.7199999999999998, -0.32850406697203643],
    ["log", log64, 0.8899999999999998, -0.11653381625595177],
    ["tanh", tanh64, -2.76, -0.9920202697020118],
    ["tanh", tanh64, -2.23, -0.9771395937470585],
  ];
  it.each(rows)("%s(%f) has PyTorch's bits", (_n, fn, x, want) => expect(fn(x)).toBe(want));
});
