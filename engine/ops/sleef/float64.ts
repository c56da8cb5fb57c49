// PyTorch 2.6's float64 exp, log, tanh, sinh and cosh on x86-64 CPUs, bit for bit: ATen's AVX2
// Vectorized<double> calls SLEEF's u10 functions (Sleef_expd4_u10, Sleef_logd4_u10, Sleef_tanhd4_u10,
// ...), built with fused multiply-adds. Derived from SLEEF 3.5 (src/libm/sleefsimddp.c: xexp, xlog_u1,
// expk2, xtanh, xsinh, xcosh; src/libm/dd.h: double-double arithmetic; src/libm/estrin.h: POLY
// macros), Copyright Naoki Shibata and contributors 2010 - 2020, Boost Software License 1.0 (see
// ./THIRD_PARTY_NOTICES.md). Altered: one lane, TypeScript; vfma is an exact fma (dd64.ts).

import { fma, type DD, R_LN2, L2U, L2L, DBL_MIN, LN2_DD, rint, ldexp2, mulsign, ilogb2k, poly4, poly10, ddmul_d, ddmul, ddsqu, ddrec, dddiv, ddadd2_d_d, ddadd_dd_d, ddadd2_dd_d, ddadd_d_dd, ddadd, ddadd2, ddsub } from "./dd64.ts";
const EXP_POLY = [
  0.2081276378237164457e-8, 0.2511210703042288022e-7, 0.2755762628169491192e-6, 0.2755723402025388239e-5,
  0.2480158687479686264e-4, 0.198412698985586585e-3, 0.1388888888914497797e-2, 0.833333333331493821e-2,
  0.4166666666666602598e-1, 0.1666666666666669072,
];

export function exp(d: number): number {
  const u0 = rint(d * R_LN2);
  const q = u0 | 0;
  let s = fma(u0, -L2U, d);
  s = fma(u0, -L2L, s);
  const s2 = s * s;
  const s4 = s2 * s2;
  let u = poly10(s, s2, s4, s4 * s4, EXP_POLY);
  u = fma(u, s, 0.5);
  u = fma(u, s, 1);
  u = fma(u, s, 1);
  u = ldexp2(u, q);
  if (d > 709.7827111495575) u = Infinity;
  if (d < -1000) u = 0;
  return Number.isNaN(d) ? d : u;
}

const LOG_POLY = [
  0.1532076988502701353, 0.1525629051003428716, 0.1818605932937785996, 0.2222214519839380009,
  0.2857142932794299317, 0.399999999963525199, 0.6666666666667333541,
];

export function log(d: number): number {
  const o = d < DBL_MIN;
  let dd = d;
  if (o) dd *= 18446744073709551616;
  let e = ilogb2k(dd * (1 / 0.75));
  const m = dd * 2 ** -e;
  if (o) e -= 64;
  const x = dddiv(ddadd2_d_d(-1, m), ddadd2_d_d(1, m));
  const x2 = x.x * x.x;
  const x4 = x2 * x2;
  const c = LOG_POLY;
  // POLY7(x2, x4, x8, c6..c0)
  const t = fma(x4 * x4, fma(x4, c[0]!, fma(x2, c[1]!, c[2]!)), poly4(x2, x4, c[3]!, c[4]!, c[5]!, c[6]!));
  let s = ddmul_d(LN2_DD, e);
  s = ddadd(s, { x: x.x * 2, y: x.y * 2 });
  s = ddadd_dd_d(s, x2 * x.x * t);
  const r = s.x + s.y;
  if (d === Infinity) return Infinity;
  if (d < 0 || Number.isNaN(d)) return NaN;
  if (d === 0) return -Infinity;
  return r;
}

const EXPK2_POLY = [
  0.1602472219709932072e-9, 0.2092255183563157007e-8, 0.2505230023782644465e-7, 0.2755724800902135303e-6,
  0.2755731892386044373e-5, 0.2480158735605815065e-4, 0.1984126984148071858e-3, 0.1388888888886763255e-2,
  0.8333333333333347095e-2, 0.4166666666666669905e-1,
];

export function expk2(d: DD): DD {
  const dq = rint((d.x + d.y) * R_LN2);
  const q = dq | 0;
  let s = ddadd2_dd_d(d, dq * -L2U);
  s = ddadd2_dd_d(s, dq * -L2L);
  const s2 = ddsqu(s);
  const s4 = ddsqu(s2);
  const u = poly10(s.x, s2.x, s4.x, s4.x * s4.x, EXPK2_POLY);
  let t = ddadd_d_dd(0.5, ddmul_d(s, 0.1666666666666666574));
  t = ddadd_d_dd(1, ddmul(t, s));
  t = ddadd_d_dd(1, ddmul(t, s));
  t = ddadd(t, ddmul_d(s4, u));
  if (d.x < -1000) return { x: 0, y: 0 };
  return { x: ldexp2(t.x, q), y: ldexp2(t.y, q) };
}

export function tanh(x: number): number {
  const a = Math.abs(x);
  let d = expk2({ x: a, y: 0 });
  const e = ddrec(d);
  d = dddiv(ddadd2(d, { x: -e.x, y: -e.y }), ddadd2(d, e));
  let y = d.x + d.y;
  if (a > 18.714973875 || Number.isNaN(y)) y = 1;
  return Number.isNaN(x) ? x : mulsign(y, x);
}

export function sinh(x: number): number {
  const a = Math.abs(x);
  let d = expk2({ x: a, y: 0 });
  d = ddsub(d, ddrec(d));
  let y = (d.x + d.y) * 0.5;
  if (a > 710 || Number.isNaN(y)) y = Infinity;
  return Number.isNaN(x) ? x : mulsign(y, x);
}

export function cosh(x: number): number {
  const a = Math.abs(x);
  let d = expk2({ x: a, y: 0 });
  d = ddadd(d, ddrec(d));
  let y = (d.x + d.y) * 0.5;
  if (a > 710 || Number.isNaN(y)) y = Infinity;
  return Number.isNaN(x) ? x : y;
}
