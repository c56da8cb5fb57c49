// PyTorch 2.6's float64 sin, cos, tan, asin, acos and atan on x86-64 CPUs, bit for bit for |x| < 1e14:
// ATen's AVX2 Vectorized<double> calls Sleef_sind4_u10, Sleef_cosd4_u10, Sleef_tand4_u10,
// Sleef_asind4_u10, Sleef_acosd4_u10 and Sleef_atand4_u10, built with fused multiply-adds. Derived from
// SLEEF (src/libm/sleefsimddp.c: xsin_u1, xcos_u1, xtan_u1, xasin_u1, xacos_u1, xatan_u1, atan2k_u1),
// Copyright Naoki Shibata and contributors 2010 - 2020, Boost Software License 1.0 (see
// ./THIRD_PARTY_NOTICES.md). Altered: one lane, TypeScript. Past |x| = 1e14 SLEEF reduces the argument
// with a Payne-Hanek table (rempi), not ported: JS's Math functions stand in there (not PyTorch's bits).
import {
  type DD, ddadd, ddadd2_d_d, ddadd2_dd_d, ddadd_d_d, ddadd_d_dd, ddadd_dd_d, dddiv, ddmul, ddmul_d, ddneg,
  ddnormalize, ddscale, ddsqrt_d, ddsqu, ddsub, ddsub_dd_d, estrin, fma, mulsign, rint,
} from "./dd64.ts";

const M_1_PI = 0.3183098861837907;
const PI_A = 3.1415926218032836914;
const PI_B = 3.1786509424591713469e-8;
const PI_C = 1.2246467864107188502e-16;
const PI_D = 1.2736634327021899816e-24;
const PI_A2 = 3.141592653589793116;
const PI_B2 = 1.2246467991473532072e-16;
const M_2_PI_DD: DD = { x: 0.63661977236758138243, y: -3.9357353350364971764e-17 };
const TRIGRANGEMAX = 1e14;
const TRIGRANGEMAX2 = 15;
const TWO24 = 16777216;

/** s = d - dqh*(pi*scale) - dql*(pi*scale) in four pieces (SLEEF's medium-range Cody-Waite reduction) */
function reduceMedium(d: number, dqh: number, dql: number, scale: number, first: (u: number, v: number) => DD): DD {
  const u = fma(dqh, -PI_A * scale, d);
  let s = first(u, dql * (-PI_A * scale));
  s = ddadd2_dd_d(s, dqh * (-PI_B * scale));
  s = ddadd2_dd_d(s, dql * (-PI_B * scale));
  s = ddadd2_dd_d(s, dqh * (-PI_C * scale));
  s = ddadd2_dd_d(s, dql * (-PI_C * scale));
  return ddadd_dd_d(s, (dqh + dql) * (-PI_D * scale));
}

const SIN_POLY = [
  2.72052416138529567917983e-15, -7.6429259411395447190023e-13, 1.60589370117277896211623e-10,
  -2.5052106814843123359368e-8, 2.75573192104428224777379e-6, -0.000198412698412046454654947,
];

/** sin of the reduced argument x (a double-double), before the quadrant's sign */
function sinKernel(x: DD): number {
  const s = ddsqu(x);
  const s2 = s.x * s.x;
  let u = estrin([s.x, s2, s2 * s2], SIN_POLY);
  u = fma(u, s.x, 0.00833333333333318056201922);
  const y = ddadd_d_dd(1, ddmul(ddadd_d_d(-0.166666666666666657414808, u * s.x), s));
  return fma(x.x, y.x, fma(x.y, y.x, x.x * y.y));
}

/** Sleef_sind4_u10 (xsin_u1) */
export function sin(d: number): number {
  if (!(Math.abs(d) < TRIGRANGEMAX)) return Number.isFinite(d) ? Math.sin(d) : NaN;
  let x: DD;
  let ql: number;
  if (Math.abs(d) < TRIGRANGEMAX2) {
    const dql = rint(d * M_1_PI);
    ql = dql;
    x = ddadd_d_d(fma(dql, -PI_A2, d), dql * -PI_B2);
  } else {
    const dqh = Math.trunc(d * (M_1_PI / TWO24)) * TWO24;
    const dql = rint(fma(d, M_1_PI, -dqh));
    ql = dql;
    x = reduceMedium(d, dqh, dql, 1, ddadd_d_d);
  }
  const u = sinKernel(x);
  if (d === 0) return d;
  return (ql & 1) === 1 ? -u : u;
}

/** Sleef_cosd4_u10 (xcos_u1) */
export function cos(d: number): number {
  if (!(Math.abs(d) < TRIGRANGEMAX)) return Number.isFinite(d) ? Math.cos(d) : NaN;
  let x: DD;
  let ql: number;
  if (Math.abs(d) < TRIGRANGEMAX2) {
    const dql = fma(2, rint(fma(d, M_1_PI, -0.5)), 1);
    ql = dql;
    x = ddadd2_d_d(d, dql * (-PI_A2 * 0.5));
    x = ddadd_dd_d(x, dql * (-PI_B2 * 0.5));
  } else {
    let dqh = Math.trunc(fma(d, M_1_PI / (TWO24 / 2), -M_1_PI / TWO24));
    let q2 = rint(d * M_1_PI + fma(dqh, -(TWO24 / 2), -0.5));
    dqh *= TWO24;
    q2 = q2 + q2 + 1;
    ql = q2;
    x = reduceMedium(d, dqh, q2, 0.5, ddadd2_d_d);
  }
  const u = sinKernel(x);
  return (ql & 2) === 0 ? -u : u;
}

const TAN_POLY = [
  0.3245098826639276316e-3, 0.5619219738114323735e-3, 0.1460781502402784494e-2, 0.3591611540792499519e-2,
  0.8863268409563113126e-2, 0.2186948728185535498e-1, 0.539682539951727297e-1, 0.1333333333330500581,
];

/** Sleef_tand4_u10 (xtan_u1) */
export function tan(d: number): number {
  if (!(Math.abs(d) < TRIGRANGEMAX)) return Number.isFinite(d) ? Math.tan(d) : NaN;
  let s: DD;
  let ql: number;
  if (Math.abs(d) < TRIGRANGEMAX2) {
    const dql = rint(d * (2 * M_1_PI));
    ql = dql;
    s = ddadd_d_d(fma(dql, -PI_A2 * 0.5, d), dql * (-PI_B2 * 0.5));
  } else {
    const dqh = Math.trunc(d * ((2 * M_1_PI) / TWO24)) * TWO24;
    const y = ddadd2_dd_d(ddmul_d(M_2_PI_DD, d), (d < 0 ? -0.5 : 0.5) - dqh);
    const dql = Math.trunc(y.x + y.y);
    ql = dql;
    s = reduceMedium(d, dqh, dql, 0.5, ddadd_d_d);
  }
  const t = ddscale(s, 0.5);
  const s1 = ddsqu(t);
  const s2 = s1.x * s1.x;
  let u = estrin([s1.x, s2, s2 * s2], TAN_POLY);
  u = fma(u, s1.x, 0.3333333333333343695);
  let x = ddadd(t, ddmul_d(ddmul(s1, t), u));
  const y = ddadd_d_dd(-1, ddsqu(x));
  x = ddscale(x, -2);
  const odd = (ql & 1) === 1;
  x = dddiv(odd ? ddneg(y) : x, odd ? x : y);
  const r = x.x + x.y;
  return d === 0 ? d : r;
}

const ATAN_POLY = [
  1.06298484191448746607415e-5, -0.000125620649967286867384336, 0.00070557664296393412389774,
  -0.00251865614498713360352999, 0.00646262899036991172313504, -0.0128281333663399031014274,
  0.0208024799924145797902497, -0.0289002344784740315686289, 0.0359785005035104590853656,
  -0.041848579703592507506027, 0.0470843011653283988193763, -0.0524914210588448421068719,
  0.0587946590969581003860434, -0.0666620884778795497194182, 0.0769225330296203768654095,
  -0.0909090442773387574781907,
];

/** atan2k_u1 for y >= 0 and x = 1 (what xatan_u1 asks) */
function atan2kUnit(y: number): DD {
  let q = 0;
  let s: DD;
  let t: DD;
  if (1 < y) {
    q = 1;
    s = { x: -1, y: -0 };
    t = { x: y, y: 0 };
  } else {
    s = { x: y, y: 0 };
    t = { x: 1, y: 0 };
  }
  s = dddiv(s, t);
  t = ddnormalize(ddsqu(s));
  const t2 = t.x * t.x;
  const t4 = t2 * t2;
  let u = estrin([t.x, t2, t4, t4 * t4], ATAN_POLY);
  u = fma(u, t.x, 0.111111108376896236538123);
  u = fma(u, t.x, -0.142857142756268568062339);
  u = fma(u, t.x, 0.199999999997977351284817);
  u = fma(u, t.x, -0.333333333333317605173818);
  t = ddadd(s, ddmul_d(ddmul(s, t), u));
  return ddadd(ddmul_d({ x: 1.570796326794896557998982, y: 6.12323399573676603586882e-17 }, q), t);
}

/** Sleef_atand4_u10 (xatan_u1) */
export function atan(d: number): number {
  const r2 = atan2kUnit(Math.abs(d));
  let r = r2.x + r2.y;
  if (Math.abs(d) === Infinity) r = 1.570796326794896557998982;
  return Number.isNaN(d) ? NaN : mulsign(r, d);
}

const ASIN_POLY = [
  0.3161587650653934628e-1, -0.1581918243329996643e-1, 0.1929045477267910674e-1, 0.660607747627717061e-2,
  0.1215360525577377331e-1, 0.1388715184501609218e-1, 0.1735956991223614604e-1, 0.2237176181932048341e-1,
  0.3038195928038132237e-1, 0.4464285681377102438e-1, 0.7500000000378581611e-1, 0.1666666666666497543,
];

/** the shared start of asin_u1 and acos_u1: x2, x (a double-double) and the polynomial term u */
function asinCore(d: number): { o: boolean; x: DD; u: number } {
  const a = Math.abs(d);
  const o = a < 0.5;
  const x2 = o ? d * d : (1 - a) * 0.5;
  let x: DD = o ? { x: a, y: 0 } : ddsqrt_d(x2);
  if (a === 1) x = { x: 0, y: 0 };
  const x4 = x2 * x2;
  const x8 = x4 * x4;
  const u = estrin([x2, x4, x8, x8 * x8], ASIN_POLY) * (x2 * x.x);
  return { o, x, u };
}

/** Sleef_asind4_u10 (xasin_u1) */
export function asin(d: number): number {
  const { o, x, u } = asinCore(d);
  const y = ddsub_dd_d(ddsub({ x: 3.141592653589793116 / 4, y: 1.2246467991473532072e-16 / 4 }, x), u);
  const r = o ? u + x.x : (y.x + y.y) * 2;
  return mulsign(r, d);
}

/** Sleef_acosd4_u10 (xacos_u1) */
export function acos(d: number): number {
  const { o, x: x0, u } = asinCore(d);
  let y = ddsub({ x: 3.141592653589793116 / 2, y: 1.2246467991473532072e-16 / 2 }, ddadd_d_d(mulsign(x0.x, d), mulsign(u, d)));
  const x = ddadd_dd_d(x0, u);
  if (!o) y = ddscale(x, 2);
  if (!o && d < 0) y = ddsub({ x: 3.141592653589793116, y: 1.2246467991473532072e-16 }, y);
  return y.x + y.y;
}

