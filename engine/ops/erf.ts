// torch.erf (ErfBackward0): for float32, ATen 2.6's vectorised approximation; for float64 SLEEF's
// erf (sleef/float64_erf.ts); its gradient 2/sqrt(pi) * exp(-x^2) * grad as PyTorch writes it.
// erfValue/erfcValue below are fdlibm's s_erf.c (glibc's too), for math.erf and the scalar tails.
import { mul, mulScalar, neg, pow } from "./arith.ts";
import { exp, pointwise } from "./unary.ts";
import type { Tensor } from "../tensor.ts";
import { expf, fmaf } from "./sleef/float32.ts";
import { erf as erf64 } from "./sleef/float64_erf.ts";

const erx = 8.45062911510467529297e-1;
const efx = 1.28379167095512586316e-1;
const pp = [1.28379167095512558561e-1, -3.25042107247001499370e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3, -2.37630166566501626084e-5];
const qq = [1, 3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4, -3.96022827877536812320e-6];
const pa = [-2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1, -1.10894694282396677476e-1, 3.54783043256182359371e-2, -2.16637559486879084300e-3];
const qa = [1, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1, 1.36370839120290507362e-2, 1.19844998467991074170e-2];
const ra = [-9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1, -1.62396669462573470355e2, -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592];
const sa = [1, 1.96512716674392571292e1, 1.37657754143519042600e2, 4.34565877475229228821e2, 6.45387271733267880336e2, 4.29008140027567833386e2, 1.08635005541779435134e2, 6.57024977031928170135, -6.04244152148580987438e-2];
const rb = [-9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2, -6.37566443368389627722e2, -1.02509513161107724954e3, -4.83519191608651397019e2];
const sb = [1, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3, 2.55305040643316442583e3, 4.74528541206955367215e2, -2.24409524465858183362e1];

/** c[0] + z*(c[1] + z*(...)), Horner's order as fdlibm writes it */
function horner(c: number[], z: number): number {
  let r = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) r = c[i] + z * r;
  return r;
}

const view = new DataView(new ArrayBuffer(8));
/** ax with the low 32 bits of its IEEE representation cleared (fdlibm's SET_LOW_WORD(z, 0)) */
function highWordOnly(ax: number): number {
  view.setFloat64(0, ax);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

/** erf(x) as fdlibm computes it, with `exp` the exponential it calls (glibc's own for math.erf) */
export function erfValue(x: number, exp: (x: number) => number = Math.exp): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -28) return x + efx * x;
    const z = x * x;
    return x + x * (horner(pp, z) / horner(qq, z));
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const p = horner(pa, s) / horner(qa, s);
    return x >= 0 ? erx + p : -erx - p;
  }
  if (ax >= 6) return x >= 0 ? 1 : -1;
  const s = 1 / (ax * ax);
  const [R, S] = ax < 1 / 0.35 ? [horner(ra, s), horner(sa, s)] : [horner(rb, s), horner(sb, s)];
  const z = highWordOnly(ax);
  const r = exp(-z * z - 0.5625) * exp((z - ax) * (z + ax) + R / S);
  return x >= 0 ? 1 - r / ax : r / ax - 1;
}

/** erfc(x) = 1 - erf(x) as fdlibm's s_erf.c computes it, without the cancellation for large x */
export function erfcValue(x: number, exp: (x: number) => number = Math.exp): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -56) return 1 - x;
    const z = x * x;
    const y = horner(pp, z) / horner(qq, z);
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const p = horner(pa, s) / horner(qa, s);
    return x >= 0 ? 1 - erx - p : 1 + (erx + p);
  }
  if (ax < 28) {
    if (x < -6) return 2;
    const s = 1 / (ax * ax);
    const [R, S] = ax < 1 / 0.35 ? [horner(ra, s), horner(sa, s)] : [horner(rb, s), horner(sb, s)];
    const z = highWordOnly(ax);
    const r = exp(-z * z - 0.5625) * exp((z - ax) * (z + ax) + R / S);
    return x > 0 ? r / ax : 2 - r / ax;
  }
  return x > 0 ? 0 : 2;
}

const f = Math.fround;
const P = f(0.3275911);
const A1 = f(0.254829592);
const A2 = f(-0.284496736);
const A3 = f(1.421413741);
const A4 = f(-1.453152027);
const A5 = f(1.061405429);

/** ATen 2.x's float32 erf (Vectorized<float>::erf, every element, the last partial vector too):
 *  Abramowitz and Stegun's 7.1.26, 1 - (a1·t + ... + a5·t⁵)·exp(-x²) with t = 1/(1 + p·|x|), the
 *  polynomial in fused multiply-adds and exp from SLEEF, the sign put back at the end */
export function erfFloat32(x: number): number {
  const ax = Math.abs(x);
  const t = f(1 / fmaf(P, ax, 1));
  let r = fmaf(A5, t, A4);
  r = fmaf(r, t, A3);
  r = fmaf(r, t, A2);
  r = fmaf(r, t, A1);
  const e = -expf(-f(x * x));
  const v = fmaf(f(e * t), r, 1);
  return x < 0 || Object.is(x, -0) ? -v : v;
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

export const erf = (x: Tensor): Tensor =>
  pointwise(
    x,
    "erf",
    "ErfBackward0",
    x.dtype === "float64" ? erf64 : erfFloat32,
    (g, s) => mul(mulScalar(exp(neg(pow(s(), 2n))), TWO_OVER_SQRT_PI), g),
    "self",
  );
