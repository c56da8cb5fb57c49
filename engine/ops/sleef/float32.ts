// PyTorch 2.6's float32 transcendental functions on x86-64 CPUs, bit for bit (sin and cos: trigf.ts): ATen's AVX2
// Vectorized<float> calls SLEEF's u10 functions (Sleef_expf8_u10, Sleef_tanhf8_u10, ...), built with
// fused multiply-adds. Derived from SLEEF 3.5 (src/libm/sleefsimdsp.c, the xexpf, xlogf_u1, xsinf_u1,
// xcosf_u1, xtanf_u1, xtanhf, xsinhf, xcoshf, xexpm1f, xlog1pf, xlog2f, xlog10f, xexp2f, xatanf_u1,
// xasinf_u1, xacosf_u1 and xpowf kernels), Copyright Naoki Shibata and contributors 2010 - 2020,
// Boost Software License 1.0 (see ./THIRD_PARTY_NOTICES.md). This is an altered, one-lane TypeScript
// rendering: each vector operation becomes a float32 operation (Math.fround) or an exact fmaf.
import { rempif, type DF } from "./rempif.ts";

const f = Math.fround;

// --- fused multiply-add (our own code: see fmaf's comment) ---


/** a*b + c with a single rounding to float32; a, b, c must be float32 values */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = f(s);
  if (r === s || r === Infinity || r === -Infinity) return r;
  const q = 2 * s - r;
  // s is a float32 midpoint exactly when its mirror image through r is the neighbouring float
  if (f(q) !== q) return r;
  const v = s - p;
  const err = p - (s - v) + (c - v);
  if (err === 0) return r;
  return err > 0 ? Math.max(r, q) : Math.min(r, q);
}

// --- float-float arithmetic (SLEEF's df.h with FMA) ---

const df = (x: number, y: number): DF => ({ x, y });
const dfneg = (a: DF): DF => ({ x: -a.x, y: -a.y });
const dfnormalize = (t: DF): DF => {
  const x = f(t.x + t.y);
  return { x, y: f(f(t.x - x) + t.y) };
};
const dfscale = (d: DF, s: number): DF => ({ x: f(d.x * s), y: f(d.y * s) });

const dfadd_f_f = (a: number, b: number): DF => {
  const x = f(a + b);
  return { x, y: f(f(a - x) + b) };
};
const dfadd2_f_f = (a: number, b: number): DF => {
  const x = f(a + b);
  const v = f(x - a);
  return { x, y: f(f(a - f(x - v)) + f(b - v)) };
};
const dfadd2_f_df = (a: number, b: DF): DF => {
  const x = f(a + b.x);
  const v = f(x - a);
  return { x, y: f(f(f(a - f(x - v)) + f(b.x - v)) + b.y) };
};
const dfadd_df_f = (a: DF, b: number): DF => {
  const x = f(a.x + b);
  return { x, y: f(f(f(a.x - x) + b) + a.y) };
};
const dfsub_df_f = (a: DF, b: number): DF => {
  const x = f(a.x - b);
  return { x, y: f(f(f(a.x - x) - b) + a.y) };
};
const dfadd2_df_f = (a: DF, b: number): DF => {
  const x = f(a.x + b);
  const v = f(x - a.x);
  return { x, y: f(f(f(a.x - f(x - v)) + f(b - v)) + a.y) };
};
const dfadd_f_df = (a: number, b: DF): DF => {
  const x = f(a + b.x);
  return { x, y: f(f(f(a - x) + b.x) + b.y) };
};
const dfadd_df_df = (a: DF, b: DF): DF => {
  const x = f(a.x + b.x);
  return { x, y: f(f(f(f(a.x - x) + b.x) + a.y) + b.y) };
};
export const dfadd2_df_df = (a: DF, b: DF): DF => {
  const x = f(a.x + b.x);
  const v = f(x - a.x);
  return { x, y: f(f(f(a.x - f(x - v)) + f(b.x - v)) + f(a.y + b.y)) };
};
const dfsub_df_df = (a: DF, b: DF): DF => {
  const x = f(a.x - b.x);
  return { x, y: f(f(f(f(a.x - x) - b.x) + a.y) - b.y) };
};
const dfdiv = (n: DF, d: DF): DF => {
  const t = f(1 / d.x);
  const x = f(n.x * t);
  const u = fmaf(t, n.x, -x);
  let y = fmaf(-d.y, t, fmaf(-d.x, t, 1));
  y = fmaf(x, y, fmaf(n.y, t, u));
  return { x, y };
};
const dfmul_f_f = (a: number, b: number): DF => {
  const x = f(a * b);
  return { x, y: fmaf(a, b, -x) };
};
const dfsqu = (a: DF): DF => {
  const x = f(a.x * a.x);
  return { x, y: fmaf(f(a.x + a.x), a.y, fmaf(a.x, a.x, -x)) };
};
const dfmul_df_df = (a: DF, b: DF): DF => {
  const x = f(a.x * b.x);
  return { x, y: fmaf(a.x, b.y, fmaf(a.y, b.x, fmaf(a.x, b.x, -x))) };
};
const dfmul_df_f = (a: DF, b: number): DF => {
  const x = f(a.x * b);
  return { x, y: fmaf(a.y, b, fmaf(a.x, b, -x)) };
};
const dfrec_f = (d: number): DF => {
  const x = f(1 / d);
  return { x, y: f(x * fmaf(-d, x, 1)) };
};
const dfrec_df = (d: DF): DF => {
  const x = f(1 / d.x);
  return { x, y: f(x * fmaf(-d.y, x, fmaf(-d.x, x, 1))) };
};
const dfsqrt_f = (d: number): DF => {
  const t = f(Math.sqrt(d));
  return dfscale(dfmul_df_df(dfadd2_f_df(d, dfmul_f_f(t, t)), dfrec_f(t)), 0.5);
};

// --- helpers of SLEEF's vector code ---

const buf = new ArrayBuffer(4);
const asF = new Float32Array(buf);
const asI = new Int32Array(buf);

/** round half to even, as cvtps2dq / roundps(nearest) do (|x| < 2^31 here) */
export function rint(x: number): number {
  if (!(Math.abs(x) < 4503599627370496)) return x;
  const r = x + 6755399441055744 - 6755399441055744;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}
/** vrint_vi2_vf: the int32 a float rounds to (INT_MIN for NaN and out-of-range, as cvtps2dq) */
export const rintI = (x: number): number => (Math.abs(x) < 2147483648 ? rint(x) | 0 : -2147483648);
/** 2^q as the bit pattern (q + 127) << 23 builds it */
function pow2i(q: number): number {
  asI[0] = ((q + 0x7f) << 23) | 0;
  return asF[0]!;
}
/** d * 2^(q>>1) * 2^(q - (q>>1)) */
const ldexp2 = (d: number, q: number): number => f(f(d * pow2i(q >> 1)) * pow2i(q - (q >> 1)));
/** d with q added to its exponent field */
function ldexp3(d: number, q: number): number {
  asF[0] = d;
  asI[0] = (asI[0]! + (q << 23)) | 0;
  return asF[0]!;
}
/** the unbiased exponent field of a positive float */
function ilogb2k(d: number): number {
  asF[0] = d;
  return ((asI[0]! >>> 23) & 0xff) - 0x7f;
}
/** vldexp_vf_vf_vi2: a full-range ldexp in four steps */
function ldexpk(x: number, q: number): number {
  let m = q >> 31;
  m = ((((m + q) >> 6) - m) << 4) | 0;
  q = q - (m << 2);
  m = m + 0x7f;
  m = m > 0 ? m : 0;
  m = m > 0xff ? 0xff : m;
  asI[0] = m << 23;
  const u = asF[0]!;
  x = f(f(f(f(x * u) * u) * u) * u);
  asI[0] = ((q + 0x7f) << 23) | 0;
  return f(x * asF[0]!);
}
const isNegZero = (x: number): boolean => x === 0 && 1 / x < 0;
const signbit = (x: number): boolean => x < 0 || isNegZero(x) || (Number.isNaN(x) && false);
export const mulsign = (x: number, y: number): number => (signbit(y) ? -x : x);

const R_LN2f = f(1.4426950408889634);
const L2Uf = f(0.693145751953125);
const L2Lf = f(1.428606765330187e-06);
const M_2_PIf = f(2 * 0.3183098861837907);
const PI_A2f = f(3.1414794921875);
const PI_B2f = f(0.0001131594181060791);
const PI_C2f = f(1.984187258941006e-09);
const FLT_MIN = 1.1754943508222875e-38;
const TWO64 = 18446744073709551616;
const LN2_DF = df(f(0.6931471824645996), f(-1.904654323148236e-09));
const c = (x: number): number => f(x);

export function expf(d: number): number {
  const q = rintI(f(d * R_LN2f));
  let s = fmaf(q, -L2Uf, d);
  s = fmaf(q, -L2Lf, s);
  let u = c(0.00019852761761285365);
  u = fmaf(u, s, c(0.0013930435525253415));
  u = fmaf(u, s, c(0.008333360776305199));
  u = fmaf(u, s, c(0.041666485369205475));
  u = fmaf(u, s, c(0.1666666716337204));
  u = fmaf(u, s, 0.5);
  u = f(1 + fmaf(f(s * s), u, s));
  u = ldexp2(u, q);
  if (d < -104) u = 0;
  if (d > 100) u = Infinity;
  return Number.isNaN(d) ? d : u;
}

function expk2f(d: DF): DF {
  const q = rintI(f(f(d.x + d.y) * R_LN2f));
  let s = dfadd2_df_f(d, f(q * -L2Uf));
  s = dfadd2_df_f(s, f(q * -L2Lf));
  let u = c(0.1980960224e-3);
  u = fmaf(u, s.x, c(0.1394256484e-2));
  u = fmaf(u, s.x, c(0.8333456703e-2));
  u = fmaf(u, s.x, c(0.4166637361e-1));
  let t = dfadd2_df_f(dfmul_df_f(s, u), c(0.16666665941423425));
  t = dfadd2_df_f(dfmul_df_df(s, t), 0.5);
  t = dfadd2_df_df(s, dfmul_df_df(dfsqu(s), t));
  t = dfadd_f_df(1, t);
  t = df(ldexp2(t.x, q), ldexp2(t.y, q));
  return d.x < -104 ? df(0, 0) : t;
}

const EXPK2_C6 = c(0.16666665941423425);
const EXPK2_P0 = c(0.1980960224e-3);
const EXPK2_P1 = c(0.1394256484e-2);
const EXPK2_P2 = c(0.8333456703e-2);
const EXPK2_P3 = c(0.4166637361e-1);
const TANH_MAX = c(8.664339742);
/** 2^k for k in [-160, 160] as float32 values */
const POW2 = Float64Array.from({ length: 321 }, (_, i) => f(2 ** (i - 160)));

/**
 * tanhf, fast: for |x| in [2^-12, 8.66], SLEEF's float-float result before its last rounding is
 * within a small fraction of a float32 ulp of the exact tanh (measured over 18 million inputs, at
 * most 1.3e-4 ulp below 2^-8, 1.6e-3 below 1/16, 0.015 below 1/2, 0.005 below 2, 1e-4 above), so
 * wherever the exact value (Math.tanh, within a double ulp) lies further than four times that from
 * the midpoint between two floats, SLEEF rounds it as Math.fround does. The few inputs closer to a
 * midpoint (about 3%) run SLEEF's own steps (sleefTanhf), which cost 5x as much.
 */
export function tanhf(x: number): number {
  const a = Math.abs(x);
  if (a >= TWO_M12 && a <= TANH_MAX) {
    const t = Math.tanh(x);
    const r = f(t);
    asF[0] = r;
    const ulp = POW2[((asI[0]! >>> 23) & 0xff) - 150 + 160]!;
    const margin = a < 0.0625 ? (a < 0.00390625 ? 6e-4 : 8e-3) : a < 0.5 ? 0.06 : a < 2 ? 0.02 : 5e-4;
    if (Math.abs(t - r) < (0.5 - margin) * ulp) return r;
  }
  return sleefTanhf(x);
}
const TWO_M12 = 2 ** -12;

/** xtanhf: expk2f, dfrec and dfdiv written out with scalars (no allocation) */
export function sleefTanhf(x: number): number {
  const a = Math.abs(x);
  if (!(a <= TANH_MAX)) return Number.isNaN(x) ? x : x < 0 ? -1 : 1;
  // expk2f(a + 0)
  const q = rint(f(a * R_LN2f));
  const b1 = f(q * -L2Uf);
  let sx = f(a + b1);
  let v = f(sx - a);
  let sy = f(f(a - f(sx - v)) + f(b1 - v));
  const b2 = f(q * -L2Lf);
  const s2 = f(sx + b2);
  v = f(s2 - sx);
  sy = f(f(f(sx - f(s2 - v)) + f(b2 - v)) + sy);
  sx = s2;
  let u = fmaf(EXPK2_P0, sx, EXPK2_P1);
  u = fmaf(u, sx, EXPK2_P2);
  u = fmaf(u, sx, EXPK2_P3);
  let mx = f(sx * u);
  let my = fmaf(sy, u, sx * u - mx);
  let tx = f(mx + EXPK2_C6);
  v = f(tx - mx);
  let ty = f(f(f(mx - f(tx - v)) + f(EXPK2_C6 - v)) + my);
  mx = f(sx * tx);
  my = fmaf(sx, ty, fmaf(sy, tx, sx * tx - mx));
  tx = f(mx + 0.5);
  v = f(tx - mx);
  ty = f(f(f(mx - f(tx - v)) + f(0.5 - v)) + my);
  const qx = f(sx * sx);
  const qy = fmaf(f(sx + sx), sy, sx * sx - qx);
  mx = f(qx * tx);
  my = fmaf(qx, ty, fmaf(qy, tx, qx * tx - mx));
  const t2x = f(sx + mx);
  v = f(t2x - sx);
  const t2y = f(f(f(sx - f(t2x - v)) + f(mx - v)) + f(sy + my));
  let ex = f(1 + t2x);
  let ey = f(f(f(1 - ex) + t2x) + t2y);
  const p1 = POW2[(q >> 1) + 160]!;
  const p2 = POW2[q - (q >> 1) + 160]!;
  ex = f(f(ex * p1) * p2);
  ey = f(f(ey * p1) * p2);
  // e = 1/d as a float-float, then (d - e) / (d + e)
  const rx = f(1 / ex);
  const ry = f(rx * fmaf(-ey, rx, fmaf(-ex, rx, 1)));
  const nx = f(ex - rx);
  const ny = f(f(f(f(ex - nx) - rx) + ey) - ry);
  const dx = f(ex + rx);
  const dy = f(f(f(f(ex - dx) + rx) + ey) + ry);
  const t = f(1 / dx);
  const zx = f(nx * t);
  let zy = fmaf(-dy, t, fmaf(-dx, t, 1));
  zy = fmaf(zx, zy, fmaf(ny, t, t * nx - zx));
  const y = f(zx + zy);
  return x < 0 || isNegZero(x) ? -y : y;
}

export function sinhf(x: number): number {
  const a = Math.abs(x);
  let d = expk2f(df(a, 0));
  d = dfsub_df_df(d, dfrec_df(d));
  let y = f(f(d.x + d.y) * 0.5);
  if (a > 89 || Number.isNaN(y)) y = Infinity;
  y = mulsign(y, x);
  return Number.isNaN(x) ? x : y;
}

export function coshf(x: number): number {
  const a = Math.abs(x);
  let d = expk2f(df(a, 0));
  d = dfadd_df_df(d, dfrec_df(d));
  let y = f(f(d.x + d.y) * 0.5);
  if (a > 89 || Number.isNaN(y)) y = Infinity;
  return Number.isNaN(x) ? x : y;
}

export function expm1f(a: number): number {
  const d = dfadd2_df_f(expk2f(df(a, 0)), -1);
  let x = f(d.x + d.y);
  if (a > c(88.72283172607422)) x = Infinity;
  if (a < c(-16.635532333438686)) x = -1;
  if (isNegZero(a)) x = -0;
  return x;
}

/** the shared front of SLEEF's logs: e and m with d = m * 2^e, m in [0.75, 1.5) */
function splitLog(d: number): [number, number] {
  const o = d < FLT_MIN;
  if (o) d = f(d * TWO64);
  let e = ilogb2k(f(d * c(1 / 0.75)));
  const m = ldexp3(d, -e);
  if (o) e -= 64;
  return [m, e];
}
function logSpecials(d: number, r: number): number {
  if (d === Infinity) return Infinity;
  if (d < 0 || Number.isNaN(d)) return NaN;
  if (d === 0) return -Infinity;
  return r;
}

export function logf(d: number): number {
  const [m, e] = splitLog(d);
  let s = dfmul_df_f(LN2_DF, e);
  const x = dfdiv(dfadd2_f_f(-1, m), dfadd2_f_f(1, m));
  const x2 = f(x.x * x.x);
  let t = c(0.3027294874);
  t = fmaf(t, x2, c(0.3996108174));
  t = fmaf(t, x2, c(0.666669488));
  s = dfadd_df_df(s, dfscale(x, 2));
  s = dfadd_df_f(s, f(f(x2 * x.x) * t));
  return logSpecials(d, f(s.x + s.y));
}

export function log10f(d: number): number {
  const [m, e] = splitLog(d);
  const x = dfdiv(dfadd2_f_f(-1, m), dfadd2_f_f(1, m));
  const x2 = f(x.x * x.x);
  let t = c(0.1314289868);
  t = fmaf(t, x2, c(0.1735493541));
  t = fmaf(t, x2, c(0.2895309627));
  let s = dfmul_df_f(df(c(0.30103001), c(-1.432098889e-8)), e);
  s = dfadd_df_df(s, dfmul_df_df(x, df(c(0.868588984), c(-2.170757285e-8))));
  s = dfadd_df_f(s, f(f(x2 * x.x) * t));
  return logSpecials(d, f(s.x + s.y));
}

export function log2f(d: number): number {
  const [m, e] = splitLog(d);
  const x = dfdiv(dfadd2_f_f(-1, m), dfadd2_f_f(1, m));
  const x2 = f(x.x * x.x);
  let t = c(0.4374550283);
  t = fmaf(t, x2, c(0.5764790177));
  t = fmaf(t, x2, c(0.961801290512));
  let s = dfadd2_f_df(e, dfmul_df_df(x, df(c(2.885390043258667), c(3.273447448356849e-08))));
  s = dfadd2_df_f(s, f(f(x2 * x.x) * t));
  return logSpecials(d, f(s.x + s.y));
}

export function log1pf(d: number): number {
  let dp1 = f(d + 1);
  const o = dp1 < FLT_MIN;
  if (o) dp1 = f(dp1 * TWO64);
  let e = ilogb2k(f(dp1 * c(1 / 0.75)));
  const t0 = ldexp3(1, -e);
  const m = fmaf(d, t0, f(t0 - 1));
  if (o) e -= 64;
  let s = dfmul_df_f(LN2_DF, e);
  const x = dfdiv(df(m, 0), dfadd_f_f(2, m));
  const x2 = f(x.x * x.x);
  let t = c(0.3027294874);
  t = fmaf(t, x2, c(0.3996108174));
  t = fmaf(t, x2, c(0.666669488));
  s = dfadd_df_df(s, dfscale(x, 2));
  s = dfadd_df_f(s, f(f(x2 * x.x) * t));
  let r = f(s.x + s.y);
  if (d > c(1e38)) r = Infinity;
  if (-1 > d) r = NaN;
  if (d === -1) r = -Infinity;
  if (isNegZero(d)) r = -0;
  return Number.isNaN(d) ? d : r;
}

export function exp2f(d: number): number {
  let u = rint(d);
  const q = rintI(u);
  const s = f(d - u);
  u = c(0.1535920892e-3);
  u = fmaf(u, s, c(0.1339262701e-2));
  u = fmaf(u, s, c(0.9618384764e-2));
  u = fmaf(u, s, c(0.5550347269e-1));
  u = fmaf(u, s, c(0.2402264476));
  u = fmaf(u, s, c(0.6931471825));
  u = fmaf(u, s, 1);
  u = ldexp2(u, q);
  if (d >= 128) u = Infinity;
  if (d < -150) u = 0;
  return Number.isNaN(d) ? d : u;
}

export function tanf(d: number, wide = !(Math.abs(d) < 125)): number {
  let q: number;
  let s: DF;
  if (!wide) {
    const u = rint(f(d * M_2_PIf));
    q = rintI(u);
    const v = fmaf(u, f(-PI_A2f * 0.5), d);
    s = dfadd2_f_f(v, f(u * f(-PI_B2f * 0.5)));
    s = dfadd_df_f(s, f(u * f(-PI_C2f * 0.5)));
  } else {
    const r = rempif(d);
    q = r.q;
    s = df(r.x, r.y);
    if (!Number.isFinite(d)) s = df(NaN, NaN);
  }
  const o = (q & 1) === 1;
  if (o) s = dfneg(s);
  const t = s;
  s = dfnormalize(dfsqu(s));
  let u = c(0.004466364625841379);
  u = fmaf(u, s.x, c(-8.392018207814544e-05));
  u = fmaf(u, s.x, c(0.01096392422914505));
  u = fmaf(u, s.x, c(0.021236030384898186));
  u = fmaf(u, s.x, c(0.05406871438026428));
  let x = dfadd_f_f(c(0.13332566618919373), f(u * s.x));
  x = dfadd_f_df(1, dfmul_df_df(dfadd_f_df(c(0.3333336114883423), dfmul_df_df(s, x)), s));
  x = dfmul_df_df(t, x);
  if (o) x = dfrec_df(x);
  const r = f(x.x + x.y);
  return isNegZero(d) ? d : r;
}

function atan2kf_u1(y: DF, x: DF): DF {
  let q = x.x < 0 ? -2 : 0;
  if (x.x < 0) x = dfneg(x);
  const p = x.x < y.x;
  if (p) q += 1;
  let s = p ? dfneg(x) : y;
  let t = p ? y : x;
  s = dfdiv(s, t);
  t = dfnormalize(dfsqu(s));
  let u = c(-0.0017639790894463658);
  u = fmaf(u, t.x, c(0.010790090076625347));
  u = fmaf(u, t.x, c(-0.030956460162997246));
  u = fmaf(u, t.x, c(0.057736508548259735));
  u = fmaf(u, t.x, c(-0.08389507234096527));
  u = fmaf(u, t.x, c(0.10946355760097504));
  u = fmaf(u, t.x, c(-0.1426268219947815));
  u = fmaf(u, t.x, c(0.19998319447040558));
  t = dfmul_df_df(t, dfadd_f_f(c(-0.3333328664302826), f(u * t.x)));
  t = dfmul_df_df(s, dfadd_f_df(1, t));
  return dfadd_df_df(dfmul_df_f(df(c(1.5707963705062866), c(-4.371138828673793e-08)), q), t);
}

export function atanf(d: number): number {
  const d2 = atan2kf_u1(df(Math.abs(d), 0), df(1, 0));
  let r = f(d2.x + d2.y);
  if (d === Infinity || d === -Infinity) r = c(1.5707963267948966);
  return Number.isNaN(d) ? d : mulsign(r, d);
}

function asinAcosCore(d: number): { o: boolean; x2: number; x: DF; u: number } {
  const a = Math.abs(d);
  const o = a < 0.5;
  const x2 = o ? f(d * d) : f(f(1 - a) * 0.5);
  let x = o ? df(a, 0) : dfsqrt_f(x2);
  if (a === 1) x = df(0, 0);
  let u = c(0.4197454825e-1);
  u = fmaf(u, x2, c(0.2424046025e-1));
  u = fmaf(u, x2, c(0.4547423869e-1));
  u = fmaf(u, x2, c(0.7495029271e-1));
  u = fmaf(u, x2, c(0.1666677296));
  u = f(u * f(x2 * x.x));
  return { o, x2, x, u };
}

export function asinf(d: number): number {
  const { o, x, u } = asinAcosCore(d);
  const y = dfsub_df_f(dfsub_df_df(df(f(c(3.1415927410125732) / 4), f(c(-8.742277657347586e-08) / 4)), x), u);
  const r = o ? f(u + x.x) : f(f(y.x + y.y) * 2);
  return Number.isNaN(d) ? d : mulsign(r, d);
}

export function acosf(d: number): number {
  const { o, x: x0, u } = asinAcosCore(d);
  let y = dfsub_df_df(df(f(c(3.1415927410125732) / 2), f(c(-8.742277657347586e-08) / 2)), dfadd_f_f(mulsign(x0.x, d), mulsign(u, d)));
  const x = dfadd_df_f(x0, u);
  if (!o) y = dfscale(x, 2);
  if (!o && d < 0) y = dfsub_df_df(df(c(3.1415927410125732), c(-8.742277657347586e-08)), y);
  return Number.isNaN(d) ? d : f(y.x + y.y);
}

function logkf(d: number): DF {
  const [m, e] = splitLog(d);
  const x = dfdiv(dfadd2_f_f(-1, m), dfadd2_f_f(1, m));
  const x2 = dfsqu(x);
  let t = c(0.2403203547000885);
  t = fmaf(t, x2.x, c(0.2851126790046692));
  t = fmaf(t, x2.x, c(0.4000079929828644));
  const cc = df(c(0.6666666269302368), c(3.6918386125961433e-09));
  let s = dfmul_df_f(LN2_DF, e);
  s = dfadd_df_df(s, dfscale(x, 2));
  return dfadd_df_df(s, dfmul_df_df(dfmul_df_df(x2, x), dfadd2_df_df(dfmul_df_f(x2, t), cc)));
}

function expkf(d: DF): number {
  let u = f(f(d.x + d.y) * R_LN2f);
  const q = rintI(u);
  let s = dfadd2_df_f(d, f(q * -L2Uf));
  s = dfadd2_df_f(s, f(q * -L2Lf));
  s = dfnormalize(s);
  u = c(0.0013632464688271284);
  u = fmaf(u, s.x, c(0.00836596917361021));
  u = fmaf(u, s.x, c(0.04167108237743378));
  u = fmaf(u, s.x, c(0.16666552424430847));
  u = fmaf(u, s.x, c(0.49999985098838806));
  let t = dfadd_df_df(s, dfmul_df_f(dfsqu(s), u));
  t = dfadd_f_df(1, t);
  u = ldexpk(f(t.x + t.y), q);
  return d.x < -104 ? 0 : u;
}

const truncI = (y: number): number => (Math.abs(y) < 2147483648 ? Math.trunc(y) | 0 : -2147483648);

export function powf(x: number, y: number): number {
  const yisint = Math.trunc(y) === y || Math.abs(y) > 1 << 24;
  const yisodd = (truncI(y) & 1) === 1 && yisint && Math.abs(y) < 1 << 24;
  let result = expkf(dfmul_df_f(logkf(Math.abs(x)), y));
  if (Number.isNaN(result)) result = Infinity;
  result = f(result * (x > 0 ? 1 : yisint ? (yisodd ? -1 : 1) : NaN));
  const efx = mulsign(f(Math.abs(x) - 1), y);
  if (y === Infinity || y === -Infinity) result = efx < 0 ? 0 : efx === 0 ? 1 : Infinity;
  if (x === Infinity || x === -Infinity || x === 0)
    result = mulsign(signbit(y) !== (x === 0) ? 0 : Infinity, yisodd ? x : 1);
  if (Number.isNaN(x) || Number.isNaN(y)) result = NaN;
  if (y === 0 || x === 1) result = 1;
  return result;
}

