// PyTorch 2.6's float64 pow, log1p, expm1, log2, log10 and exp2 on x86-64 CPUs, bit for bit: ATen's AVX2
// Vectorized<double> calls Sleef_powd4_u10, Sleef_log1pd4_u10, Sleef_expm1d4_u10, Sleef_log2d4_u10,
// Sleef_log10d4_u10 and Sleef_exp2d4_u10, built with fused multiply-adds. Derived from SLEEF
// (src/libm/sleefsimddp.c: logk, expk, xpow, xlog1p, xexpm1, xlog2, xlog10, xexp2), Copyright Naoki
// Shibata and contributors 2010 - 2020, Boost Software License 1.0 (see ./THIRD_PARTY_NOTICES.md).
// Altered: one lane, TypeScript, the AVX2 (not AVX-512) branches only.
import {
  type DD, DBL_MIN, L2L, L2U, LN2_DD, R_LN2, ddadd, ddadd_d_d, ddadd2_d_d, ddadd2_d_dd, ddadd2_dd_d, ddadd_d_dd, ddadd_dd_d,
  dddiv, ddmul, ddmul_d, ddnormalize, ddscale, ddsqu, estrin, fma, ilogb2k, ldexp2, ldexp3, rint,
} from "./dd64.ts";
import { expk2 } from "./float64.ts";

const TWO64 = 18446744073709551616;
const LOG_DBL_MAX = 709.782712893384;
const LOG1P_BOUND = 1e307;
const isNegZero = (x: number): boolean => x === 0 && 1 / x < 0;
const signbit = (x: number): boolean => x < 0 || isNegZero(x);
const mulsign = (x: number, y: number): number => (signbit(y) ? -x : x);

/** the exponent e and mantissa m (in [0.75, 1.5)) SLEEF's log kernels start from, d scaled up if subnormal */
function split(d: number): { e: number; m: number } {
  const o = d < DBL_MIN;
  const dd = o ? d * TWO64 : d;
  const e = ilogb2k(dd * (1 / 0.75));
  return { e: o ? e - 64 : e, m: ldexp3(dd, -e) };
}

const LOGK_POLY = [
  0.116255524079935043668677, 0.103239680901072952701192, 0.117754809412463995466069, 0.13332981086846273921509,
  0.153846227114512262845736, 0.181818180850050775676507, 0.222222222230083560345903, 0.285714285714249172087875,
  0.400000000000000077715612,
];
const LOGK_C: DD = { x: 0.666666666666666629659233, y: 3.80554962542412056336616e-17 };

/** log(d) as a double-double */
function logk(d: number): DD {
  const { e, m } = split(d);
  let x = dddiv(ddadd2_d_d(-1, m), ddadd2_d_d(1, m));
  const x2 = ddsqu(x);
  const x4 = x2.x * x2.x;
  const x8 = x4 * x4;
  const t = estrin([x2.x, x4, x8, x8 * x8], LOGK_POLY);
  let s = ddmul_d(LN2_DD, e);
  s = ddadd(s, ddscale(x, 2));
  x = ddmul(x2, x);
  s = ddadd(s, ddmul(x, LOGK_C));
  x = ddmul(x2, x);
  return ddadd(s, ddmul_d(x, t));
}

const EXPK_POLY = [
  2.51069683420950419527139e-8, 2.76286166770270649116855e-7, 2.75572496725023574143864e-6, 2.48014973989819794114153e-5,
  0.000198412698809069797676111, 0.0013888888939977128960529, 0.00833333333332371417601081, 0.0416666666665409524128449,
  0.166666666666666740681535, 0.500000000000000999200722,
];

/** exp of a double-double, rounded to a double */
export function expk(d: DD): number {
  const dq = rint((d.x + d.y) * R_LN2);
  const q = dq | 0;
  let s = ddadd2_dd_d(d, dq * -L2U);
  s = ddadd2_dd_d(s, dq * -L2L);
  s = ddnormalize(s);
  const s2 = s.x * s.x;
  const s4 = s2 * s2;
  const u = estrin([s.x, s2, s4, s4 * s4], EXPK_POLY);
  let t = ddadd_d_dd(1, s);
  t = ddadd(t, ddmul_d(ddsqu(s), u));
  const r = ldexp2(t.x + t.y, q);
  return d.x < -1000 ? 0 : r;
}

/** SLEEF's visint_vo_vd (rint(y) == y: true for infinities) and visodd_vo_vd (rint(y / 2) != y / 2) */
const isInt = (y: number): boolean => Math.trunc(y) === y;
const isOdd = (y: number): boolean => Math.trunc(y / 2) !== y / 2;

/** Sleef_powd4_u10 (xpow) */
export function pow(x: number, y: number): number {
  const yisint = isInt(y);
  const yisodd = isOdd(y) && yisint;
  const d = ddmul_d(logk(Math.abs(x)), y);
  let result = expk(d);
  if (d.x > LOG_DBL_MAX) result = Infinity;
  result *= x > 0 ? 1 : yisint ? (yisodd ? -1 : 1) : NaN;
  const efx = mulsign(Math.abs(x) - 1, y);
  if (Math.abs(y) === Infinity) result = efx < 0 ? 0 : efx === 0 ? 1 : Infinity;
  if (Math.abs(x) === Infinity || x === 0) result = mulsign(signbit(y) !== (x === 0) ? 0 : Infinity, yisodd ? x : 1);
  if (Number.isNaN(x) || Number.isNaN(y)) result = NaN;
  if (y === 0 || x === 1) result = 1;
  return result;
}

const LOG1P_POLY = [
  0.1532076988502701353, 0.1525629051003428716, 0.1818605932937785996, 0.2222214519839380009,
  0.2857142932794299317, 0.399999999963525199, 0.6666666666667333541,
];

/** Sleef_log1pd4_u10 (xlog1p) */
export function log1p(d: number): number {
  let dp1 = d + 1;
  const o = dp1 < DBL_MIN;
  if (o) dp1 *= TWO64;
  let e = ilogb2k(dp1 * (1 / 0.75));
  const t0 = ldexp3(1, -e);
  const m = fma(d, t0, t0 - 1);
  if (o) e -= 64;
  let s = ddmul_d(LN2_DD, e);
  const x = dddiv({ x: m, y: 0 }, ddadd_d_d(2, m));
  const x2 = x.x * x.x;
  const x4 = x2 * x2;
  const t = estrin([x2, x4, x4 * x4], LOG1P_POLY);
  s = ddadd(s, ddscale(x, 2));
  s = ddadd_dd_d(s, x2 * x.x * t);
  let r = s.x + s.y;
  // PyTorch 2.6's SLEEF gives inf past 1e307 (later SLEEF falls back to log there)
  if (d > LOG1P_BOUND) r = Infinity;
  if (d < -1 || Number.isNaN(d)) r = NaN;
  if (d === -1) r = -Infinity;
  if (isNegZero(d)) r = -0;
  return r;
}

/** Sleef_expm1d4_u10 (xexpm1) */
export function expm1(a: number): number {
  const d = ddadd2_dd_d(expk2({ x: a, y: 0 }), -1);
  let x = d.x + d.y;
  if (a > 709.782712893384) x = Infinity;
  if (a < -36.7368005696771) x = -1;
  if (isNegZero(a)) x = -0;
  return x;
}

const LOG10_POLY = [
  0.665372581957675846e-1, 0.6625722782820833712e-1, 0.7898105214313944078e-1, 0.9650955035715275132e-1,
  0.1240841409721444993, 0.1737177927454605086, 0.2895296546021972617,
];
const LOG2_POLY = [
  0.221194175045608149, 0.2200768693152277689, 0.2623708057488514656, 0.3205977477944495502,
  0.4121985945485324709, 0.5770780162997058982, 0.96179669392608091449,
];

/** the special values shared by log2 and log10 */
function logSpecial(d: number, r: number): number {
  if (d === Infinity) return Infinity;
  if (d < 0 || Number.isNaN(d)) return NaN;
  if (d === 0) return -Infinity;
  return r;
}

/** Sleef_log10d4_u10 (xlog10) */
export function log10(d: number): number {
  const { e, m } = split(d);
  const x = dddiv(ddadd2_d_d(-1, m), ddadd2_d_d(1, m));
  const x2 = x.x * x.x;
  const x4 = x2 * x2;
  const t = estrin([x2, x4, x4 * x4], LOG10_POLY);
  let s = ddmul_d({ x: 0.30102999566398119802, y: -2.8037281277851704e-18 }, e);
  s = ddadd(s, ddmul(x, { x: 0.86858896380650363334, y: 1.1430059694096389e-17 }));
  s = ddadd_dd_d(s, x2 * x.x * t);
  return logSpecial(d, s.x + s.y);
}

/** Sleef_log2d4_u10 (xlog2) */
export function log2(d: number): number {
  const { e, m } = split(d);
  const x = dddiv(ddadd2_d_d(-1, m), ddadd2_d_d(1, m));
  const x2 = x.x * x.x;
  const x4 = x2 * x2;
  const t = estrin([x2, x4, x4 * x4], LOG2_POLY);
  let s = ddadd2_d_dd(e, ddmul(x, { x: 2.885390081777926774, y: 6.056160499551674e-18 }));
  s = ddadd2_dd_d(s, x2 * x.x * t);
  return logSpecial(d, s.x + s.y);
}

const EXP2_POLY = [
  0.4434359082926529454e-9, 0.7073164598085707425e-8, 0.1017819260921760451e-6, 0.1321543872511327615e-5,
  0.152527335351758473e-4, 0.1540353045101147808e-3, 0.1333355814670499073e-2, 0.9618129107597600536e-2,
  0.5550410866482046596e-1, 0.2402265069591012214,
];

/** Sleef_exp2d4_u10 (xexp2) */
export function exp2(d: number): number {
  const u0 = rint(d);
  const q = u0 | 0;
  const s = d - u0;
  const s2 = s * s;
  const s4 = s2 * s2;
  let u = estrin([s, s2, s4, s4 * s4], EXP2_POLY);
  u = fma(u, s, 0.6931471805599452862);
  u = fma(u, s, 1);
  u = ldexp2(u, q);
  if (d >= 1024) u = Infinity;
  if (d < -2000) u = 0;
  return u;
}
