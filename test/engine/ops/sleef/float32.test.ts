// SLEEF float32 kernels on special values and on values whose PyTorch 2.6 results (torch.exp(x)
// etc. on a float32 tensor, printed with .tolist()) differ from the correctly rounded ones.
import { describe, expect, it } from "vitest";
import {
  acosf, asinf, atanf, coshf, expf, expm1f, log10f, log1pf, log2f, logf, powf, sinhf, sleefTanhf, tanf, tanhf,
} from "../../../../engine/ops/sleef/float32.ts";
import { cosf, sinf } from "../../../../engine/ops/sleef/trigf.ts";

const f = Math.fround;

describe("special values", () => {
  const cases: [string, (x: number) => number, number, number][] = [
    ["exp(-inf)", expf, -Infinity, 0],
    ["exp(inf)", expf, Infinity, Infinity],
    ["exp(-0)", expf, -0, 1],
    ["exp(88.8) overflows", expf, f(88.8), Infinity],
    ["exp(-105) underflows", expf, -105, 0],
    ["log(0)", logf, 0, -Infinity],
    ["log(-0)", logf, -0, -Infinity],
    ["log(inf)", logf, Infinity, Infinity],
    ["log(1)", logf, 1, 0],
    ["log(smallest subnormal), torch.log(torch.tensor([1e-45]))", logf, f(1e-45), -103.2789306640625],
    ["log2(8)", log2f, 8, 3],
    ["log10(1000)", log10f, 1000, 3],
    ["log1p(-1)", log1pf, -1, -Infinity],
    ["log1p(-0)", log1pf, -0, -0],
    ["expm1(-0)", expm1f, -0, -0],
    ["expm1(-20)", expm1f, -20, -1],
    ["tanh(inf)", tanhf, Infinity, 1],
    ["tanh(-inf)", tanhf, -Infinity, -1],
    ["tanh(-0)", tanhf, -0, -0],
    ["tanh(9)", tanhf, 9, 1],
    ["sinh(-0)", sinhf, -0, -0],
    ["sinh(90)", sinhf, 90, Infinity],
    ["cosh(-90)", coshf, -90, Infinity],
    ["sin(-0)", sinf, -0, -0],
    ["cos(0)", cosf, 0, 1],
    ["tan(-0)", tanf, -0, -0],
    ["atan(inf)", atanf, Infinity, f(Math.PI / 2)],
    ["atan(-inf)", atanf, -Infinity, -f(Math.PI / 2)],
    ["asin(1)", asinf, 1, f(Math.PI / 2)],
    ["acos(-1)", acosf, -1, f(Math.PI)],
    ["acos(1)", acosf, 1, 0],
  ];
  it.each(cases)("%s", (_name, fn, x, want) => {
    expect(Object.is(fn(x), want)).toBe(true);
  });
  it("NaN in, NaN out; out-of-domain gives NaN", () => {
    for (const fn of [expf, logf, tanhf, sinf, cosf, tanf, sinhf, coshf, expm1f, log1pf, log2f, log10f, atanf, asinf, acosf])
      expect(fn(NaN)).toBeNaN();
    expect(logf(-1)).toBeNaN();
    expect(asinf(1.5)).toBeNaN();
    expect(acosf(-1.5)).toBeNaN();
    expect(sinf(Infinity)).toBeNaN();
    expect(cosf(-Infinity)).toBeNaN();
    expect(tanf(Infinity)).toBeNaN();
  });
  it("pow: exact cases and signs", () => {
    expect(powf(2, 0.5)).toBe(f(Math.SQRT2));
    expect(powf(-8, f(1 / 3))).toBeNaN();
    expect(powf(0, 2.5)).toBe(0);
    expect(powf(1, NaN)).toBe(1);
    expect(powf(NaN, 0)).toBe(1);
    expect(powf(Infinity, -2.5)).toBe(0);
  });
});

// each row: [input, PyTorch 2.6's float32 result] for inputs where the correctly rounded result differs
describe("PyTorch's bits where libm's correctly rounded value differs", () => {
  // torch.exp(torch.tensor([x])).item() etc.
  const rows: [string, (x: number) => number, number, number][] = [
    ["exp", expf, -9.949999809265137, 4.7727640776429325e-5],
    ["exp", expf, -9.9399995803833, 4.8207322834059596e-5],
    ["log", logf, 0.710000216960907, -0.34248998761177063],
    ["log", logf, 3.330000162124634, 1.2029722929000854],
    ["tanh", tanhf, -9.010000228881836, -1.0],
    ["sin", sinf, -9.84000015258789, 0.4033932685852051],
    ["sin", sinf, 2.1416380405426025, 0.8414463996887207],
    ["cos", cosf, -9.875, -0.9003504514694214],
    ["cos", cosf, -9.75, -0.9475797414779663],
    ["tan", tanf, -9.979999542236328, -0.6203127503395081],
    ["tan", tanf, -9.890000343322754, -0.5019700527191162],
    ["atan", atanf, -9.269999504089355, -1.4633369445800781],
    ["atan", atanf, -5.829999923706055, -1.4009227752685547],
    ["log1p", log1pf, 0.42000022530555725, 0.35065704584121704],
    ["log1p", log1pf, 1.5900002717971802, 0.9516580104827881],
  ];
  it.each(rows)("%s(%f)", (_n, fn, x, want) => {
    expect(fn(f(x))).toBe(f(want));
  });
  it("the fast tanh agrees with SLEEF's steps", () => {
    for (let i = 0; i < 20000; i++) {
      const x = f((i - 10000) / 1111.1);
      expect(tanhf(x)).toBe(sleefTanhf(x));
    }
  });
});
