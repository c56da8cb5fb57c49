// PyTorch 2.6's float32 sin and cos on x86-64 CPUs, bit for bit: ATen 2.x calls SLEEF's 3.5-ulp
// vector functions for them (Sleef_sinf8_u35, Sleef_cosf8_u35; 1.13 called the 1-ulp ones), and
// Debian links SLEEF 3.6.1. Derived from SLEEF 3.6.1 (src/libm/sleefsimdsp.c, the xsinf and xcosf
// kernels, non-deterministic build), Copyright Naoki Shibata and contributors 2010 - 2023, Boost
// Software License 1.0 (see ./THIRD_PARTY_NOTICES.md). Altered: one lane, TypeScript, float32
// rounding with Math.fround and exact fused multiply-adds. A vector takes the reduction its widest
// lane needs, so the caller passes the range of the whole 8-float vector.
import { dfadd2_df_df, fmaf, mulsign, rintI } from "./float32.ts";
import { rempif, type DF } from "./rempif.ts";

const f = Math.fround;
const M_1_PIf = f(0.3183098861837907);
const PI_A2f = f(3.1414794921875);
const PI_B2f = f(0.00011315941810607910156);
const PI_C2f = f(1.9841872589410058936e-9);
const PI_Af = f(3.140625);
const PI_Bf = f(0.0009670257568359375);
const PI_Cf = f(6.2771141529083251953e-7);
const PI_Df = f(1.2154201256553420762e-10);
const HALF_PI_HI = f(3.1415927410125732422 * -0.5);
const HALF_PI_LO = f(-8.7422776573475857731e-8 * -0.5);

/** which argument reduction a vector takes: 0 if every lane is below 125 in magnitude (three
 *  float steps), 1 if below 39000 (four), 2 otherwise (Payne-Hanek, rempif) */
export type TrigRange = 0 | 1 | 2;
export const trigRange = (x: number): TrigRange => (Math.abs(x) < 125 ? 0 : Math.abs(x) < 39000 ? 1 : 2);

/** the odd polynomial both kernels end with: d + s·(u·d), s = d² */
function poly(d: number, s: number): number {
  let u = f(2.6083159809786593541503e-6);
  u = fmaf(u, s, f(-0.0001981069071916863322258));
  u = fmaf(u, s, f(0.00833307858556509017944336));
  u = fmaf(u, s, f(-0.166666597127914428710938));
  return f(f(s * f(u * d)) + d);
}

/** x.x + x.y, or NaN where the input was not finite (rempif keeps no NaN of its own) */
const wideSum = (x: DF, r: number): number => (Number.isFinite(r) ? f(x.x + x.y) : NaN);

export function sinf(r: number, range: TrigRange = trigRange(r)): number {
  let q: number;
  let d = r;
  if (range < 2) {
    q = rintI(f(d * M_1_PIf));
    const u = q;
    if (range === 0) {
      d = fmaf(u, -PI_A2f, d);
      d = fmaf(u, -PI_B2f, d);
      d = fmaf(u, -PI_C2f, d);
    } else {
      d = fmaf(u, -PI_Af, d);
      d = fmaf(u, -PI_Bf, d);
      d = fmaf(u, -PI_Cf, d);
      d = fmaf(u, -PI_Df, d);
    }
  } else {
    const dfi = rempif(r);
    q = ((dfi.q & 3) * 2 + (dfi.x > 0 ? 2 : 1)) >> 2;
    let x: DF = dfi;
    if ((dfi.q & 1) === 1) x = dfadd2_df_df(dfi, { x: mulsign(HALF_PI_HI, dfi.x), y: mulsign(HALF_PI_LO, dfi.x) });
    d = wideSum(x, r);
  }
  const s = f(d * d);
  if ((q & 1) === 1) d = -d;
  const u = poly(d, s);
  return r === 0 && 1 / r < 0 ? r : u;
}

export function cosf(r: number, range: TrigRange = trigRange(r)): number {
  let q: number;
  let d = r;
  if (range < 2) {
    q = rintI(f(f(d * M_1_PIf) - 0.5));
    q = (q + q + 1) | 0;
    const u = q;
    if (range === 0) {
      d = fmaf(u, f(-PI_A2f * 0.5), d);
      d = fmaf(u, f(-PI_B2f * 0.5), d);
      d = fmaf(u, f(-PI_C2f * 0.5), d);
    } else {
      d = fmaf(u, f(-PI_Af * 0.5), d);
      d = fmaf(u, f(-PI_Bf * 0.5), d);
      d = fmaf(u, f(-PI_Cf * 0.5), d);
      d = fmaf(u, f(-PI_Df * 0.5), d);
    }
  } else {
    const dfi = rempif(r);
    q = ((dfi.q & 3) * 2 + (dfi.x > 0 ? 8 : 7)) >> 1;
    let x: DF = dfi;
    if ((dfi.q & 1) === 0) {
      const y = dfi.x > 0 ? 0 : -1;
      x = dfadd2_df_df(dfi, { x: mulsign(HALF_PI_HI, y), y: mulsign(HALF_PI_LO, y) });
    }
    d = wideSum(x, r);
  }
  const s = f(d * d);
  if ((q & 2) === 0) d = -d;
  return poly(d, s);
}
