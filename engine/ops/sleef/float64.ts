// PyTorch 2.6's float64 exp, log, tanh, sinh and cosh on x86-64 CPUs, bit for bit: ATen's AVX2
// Vectorized<double> calls SLEEF's u10 functions (Sleef_expd4_u10, Sleef_logd4_u10, Sleef_tanhd4_u10,
// ...), built with fused multiply-adds. Derived from SLEEF 3.5 (src/libm/sleefsimddp.c: xexp, xlog_u1,
// expk2, xtanh, xsinh, xcosh; src/libm/dd.h: double-double arithmetic; src/libm/estrin.h: POLY
// macros), Copyright Naoki Shibata and contributors 2010 - 2020, Boost Software License 1.0 (see
// ./THIRD_PARTY_NOTICES.md). Altered: one lane, TypeScript; vfma is an exact fma (Dekker, Boldo-Melquiond).

// --- exact fma (our own code): Dekker's exact product, then the three-term sum with the one case
// where rounding twice could differ from rounding once (an exact tie) settled by the last term's sign ---

const SPLITTER = 134217729; // 2^27 + 1

function fmaExact(a: number, b: number, c: number): number {
  const p = a * b;
  if (p === 0 || c === 0 || !Number.isFinite(p) || !Number.isFinite(c)) return p + c;
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  const e = aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo; // a*b = p + e exactly
  // p + c = hi + lo exactly (TwoSum)
  const hi = p + c;
  const v = hi - p;
  const lo = p - (hi - v) + (c - v);
  // lo + e = m + me exactly
  const m = lo + e;
  const w = m - lo;
  const me = lo - (m - w) + (e - w);
  const r = hi + m;
  if (me === 0) return r;
  // r's rounding error: exactly half an ulp means a tie that me decides
  const r2 = r - hi;
  const err = hi - (r - r2) + (m - r2);
  if (err === 0 || r + 2 * err - r !== 2 * err) return r;
  return me > 0 === err > 0 ? r + 2 * err : r;
}

/** fma with an operand past 2^996 scaled down first (Veltkamp's split in fmaExact overflows there) */
function fma(a: number, b: number, c: number): number {
  if (Math.abs(a) < 1e299 && Math.abs(b) < 1e299) return fmaExact(a, b, c);
  return Math.abs(a) >= Math.abs(b) ? fmaExact(a * 2 ** -64, b, c * 2 ** -64) * 2 ** 64 : fmaExact(a, b * 2 ** -64, c * 2 ** -64) * 2 ** 64;
}

interface DD {
  x: number;
  y: number;
}

const R_LN2 = 1.4426950408889634;
const L2U = 0.693147180559663;
const L2L = 2.8235290563031577e-13;
const DBL_MIN = 2.2250738585072014e-308;
const LN2_DD: DD = { x: 0.6931471805599453, y: 2.3190468138462996e-17 };

const rint = (x: number): number => (Math.abs(x) < 4503599627370496 ? x + 6755399441055744 - 6755399441055744 : x);
const ldexp2 = (d: number, q: number): number => d * 2 ** (q >> 1) * 2 ** (q - (q >> 1));
const isNegZero = (x: number): boolean => x === 0 && 1 / x < 0;
const mulsign = (x: number, y: number): number => (y < 0 || isNegZero(y) ? -x : x);

const buf = new ArrayBuffer(8);
const asD = new Float64Array(buf);
const asW = new Uint32Array(buf);
/** the unbiased exponent field of a positive double */
function ilogb2k(d: number): number {
  asD[0] = d;
  return ((asW[1]! >>> 20) & 0x7ff) - 0x3ff;
}

const poly4 = (x: number, x2: number, c3: number, c2: number, c1: number, c0: number): number =>
  fma(x2, fma(x, c3, c2), fma(x, c1, c0));
const poly8 = (x: number, x2: number, x4: number, c: readonly number[], i: number): number =>
  fma(x4, poly4(x, x2, c[i]!, c[i + 1]!, c[i + 2]!, c[i + 3]!), poly4(x, x2, c[i + 4]!, c[i + 5]!, c[i + 6]!, c[i + 7]!));
/** Estrin's POLY10 of SLEEF's estrin.h, c = [c9, ..., c0] */
const poly10 = (x: number, x2: number, x4: number, x8: number, c: readonly number[]): number =>
  fma(x8, fma(x, c[0]!, c[1]!), poly8(x, x2, x4, c, 2));

const ddmul_d = (a: DD, b: number): DD => {
  const x = a.x * b;
  return { x, y: fma(a.y, b, fma(a.x, b, -x)) };
};
const ddmul = (a: DD, b: DD): DD => {
  const x = a.x * b.x;
  return { x, y: fma(a.x, b.y, fma(a.y, b.x, fma(a.x, b.x, -x))) };
};
const ddsqu = (a: DD): DD => {
  const x = a.x * a.x;
  return { x, y: fma(a.x + a.x, a.y, fma(a.x, a.x, -x)) };
};
const ddrec = (d: DD): DD => {
  const x = 1 / d.x;
  return { x, y: x * fma(-d.y, x, fma(-d.x, x, 1)) };
};
const dddiv = (n: DD, d: DD): DD => {
  const t = 1 / d.x;
  const x = n.x * t;
  const u = fma(t, n.x, -x);
  const y = fma(-d.y, t, fma(-d.x, t, 1));
  return { x, y: fma(x, y, fma(n.y, t, u)) };
};
const ddadd2_d_d = (a: number, b: number): DD => {
  const x = a + b;
  const v = x - a;
  return { x, y: a - (x - v) + (b - v) };
};
const ddadd_dd_d = (a: DD, b: number): DD => {
  const x = a.x + b;
  return { x, y: a.x - x + b + a.y };
};
const ddadd2_dd_d = (a: DD, b: number): DD => {
  const x = a.x + b;
  const v = x - a.x;
  return { x, y: a.x - (x - v) + (b - v) + a.y };
};
const ddadd_d_dd = (a: number, b: DD): DD => {
  const x = a + b.x;
  return { x, y: a - x + b.x + b.y };
};
const ddadd = (a: DD, b: DD): DD => {
  const x = a.x + b.x;
  return { x, y: a.x - x + b.x + a.y + b.y };
};
const ddadd2 = (a: DD, b: DD): DD => {
  const x = a.x + b.x;
  const v = x - a.x;
  return { x, y: a.x - (x - v) + (b.x - v) + (a.y + b.y) };
};
const ddsub = (a: DD, b: DD): DD => {
  const x = a.x - b.x;
  return { x, y: a.x - x - b.x + a.y - b.y };
};

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

function expk2(d: DD): DD {
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
