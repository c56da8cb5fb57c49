// Double-double arithmetic, an exact fma and Estrin polynomials for the float64 SLEEF kernels
// (float64.ts, float64_log.ts, float64_trig.ts): SLEEF's src/common/dd.h (its ENABLE_FMA_DP forms, as
// AVX2 builds use) and estrin.h, Copyright Naoki Shibata and contributors 2010 - 2020, Boost Software
// License 1.0 (see ./THIRD_PARTY_NOTICES.md). Altered: one lane, TypeScript.
import { productError } from "../../random/fma.ts";

// --- exact fma (our own code): Dekker's exact product (engine/random/fma.ts), then the three-term sum
// with the one case where rounding twice could differ from rounding once (an exact tie) settled by the
// last term's sign ---

export function fmaExact(a: number, b: number, c: number): number {
  const p = a * b;
  if (p === 0 || c === 0 || !Number.isFinite(p) || !Number.isFinite(c)) return p + c;
  const e = productError(a, b, p); // a*b = p + e exactly
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
export function fma(a: number, b: number, c: number): number {
  if (Math.abs(a) < 1e299 && Math.abs(b) < 1e299) return fmaExact(a, b, c);
  return Math.abs(a) >= Math.abs(b) ? fmaExact(a * 2 ** -64, b, c * 2 ** -64) * 2 ** 64 : fmaExact(a, b * 2 ** -64, c * 2 ** -64) * 2 ** 64;
}

export interface DD {
  x: number;
  y: number;
}

export const R_LN2 = 1.4426950408889634;
export const L2U = 0.693147180559663;
export const L2L = 2.8235290563031577e-13;
export const DBL_MIN = 2.2250738585072014e-308;
export const LN2_DD: DD = { x: 0.6931471805599453, y: 2.3190468138462996e-17 };

export const rint = (x: number): number => (Math.abs(x) < 4503599627370496 ? x + 6755399441055744 - 6755399441055744 : x);
export const ldexp2 = (d: number, q: number): number => d * 2 ** (q >> 1) * 2 ** (q - (q >> 1));
export const isNegZero = (x: number): boolean => x === 0 && 1 / x < 0;
export const mulsign = (x: number, y: number): number => (y < 0 || isNegZero(y) ? -x : x);

const buf = new ArrayBuffer(8);
const asD = new Float64Array(buf);
const asW = new Uint32Array(buf);
/** the unbiased exponent field of a positive double */
export function ilogb2k(d: number): number {
  asD[0] = d;
  return ((asW[1]! >>> 20) & 0x7ff) - 0x3ff;
}

export const poly4 = (x: number, x2: number, c3: number, c2: number, c1: number, c0: number): number =>
  fma(x2, fma(x, c3, c2), fma(x, c1, c0));
export const poly8 = (x: number, x2: number, x4: number, c: readonly number[], i: number): number =>
  fma(x4, poly4(x, x2, c[i]!, c[i + 1]!, c[i + 2]!, c[i + 3]!), poly4(x, x2, c[i + 4]!, c[i + 5]!, c[i + 6]!, c[i + 7]!));
/** Estrin's POLY10 of SLEEF's estrin.h, c = [c9, ..., c0] */
export const poly10 = (x: number, x2: number, x4: number, x8: number, c: readonly number[]): number =>
  fma(x8, fma(x, c[0]!, c[1]!), poly8(x, x2, x4, c, 2));

export const ddmul_d = (a: DD, b: number): DD => {
  const x = a.x * b;
  return { x, y: fma(a.y, b, fma(a.x, b, -x)) };
};
export const ddmul = (a: DD, b: DD): DD => {
  const x = a.x * b.x;
  return { x, y: fma(a.x, b.y, fma(a.y, b.x, fma(a.x, b.x, -x))) };
};
export const ddsqu = (a: DD): DD => {
  const x = a.x * a.x;
  return { x, y: fma(a.x + a.x, a.y, fma(a.x, a.x, -x)) };
};
export const ddrec = (d: DD): DD => {
  const x = 1 / d.x;
  return { x, y: x * fma(-d.y, x, fma(-d.x, x, 1)) };
};
export const dddiv = (n: DD, d: DD): DD => {
  const t = 1 / d.x;
  const x = n.x * t;
  const u = fma(t, n.x, -x);
  const y = fma(-d.y, t, fma(-d.x, t, 1));
  return { x, y: fma(x, y, fma(n.y, t, u)) };
};
export const ddadd2_d_d = (a: number, b: number): DD => {
  const x = a + b;
  const v = x - a;
  return { x, y: a - (x - v) + (b - v) };
};
export const ddadd_dd_d = (a: DD, b: number): DD => {
  const x = a.x + b;
  return { x, y: a.x - x + b + a.y };
};
export const ddadd2_dd_d = (a: DD, b: number): DD => {
  const x = a.x + b;
  const v = x - a.x;
  return { x, y: a.x - (x - v) + (b - v) + a.y };
};
export const ddadd_d_dd = (a: number, b: DD): DD => {
  const x = a + b.x;
  return { x, y: a - x + b.x + b.y };
};
export const ddadd = (a: DD, b: DD): DD => {
  const x = a.x + b.x;
  return { x, y: a.x - x + b.x + a.y + b.y };
};
export const ddadd2 = (a: DD, b: DD): DD => {
  const x = a.x + b.x;
  const v = x - a.x;
  return { x, y: a.x - (x - v) + (b.x - v) + (a.y + b.y) };
};
export const ddsub = (a: DD, b: DD): DD => {
  const x = a.x - b.x;
  return { x, y: a.x - x - b.x + a.y - b.y };
};


/** SLEEF's POLYn macros (estrin.h) for any n: c holds the coefficients highest first; pw = [x, x2, x4,
 *  x8, x16]. POLYn = MLA(x^k, POLY(n-k) of the top coefficients, POLYk of the bottom), k the largest
 *  power of two below n */
export function estrin(pw: readonly number[], c: readonly number[], from = 0, n = c.length - from): number {
  if (n === 1) return c[from]!;
  let k = 1;
  let level = 0;
  while (k * 2 < n) {
    k *= 2;
    level++;
  }
  return fma(pw[level]!, estrin(pw, c, from, n - k), estrin(pw, c, from + n - k, k));
}

/** d * 2^e by the exponent field (SLEEF's vldexp3 for a normal result) */
export const ldexp3 = (d: number, e: number): number => d * 2 ** e;
export const ddscale = (a: DD, s: number): DD => ({ x: a.x * s, y: a.y * s });
export const ddnormalize = (t: DD): DD => {
  const s = t.x + t.y;
  return { x: s, y: t.x - s + t.y };
};
export const ddneg = (a: DD): DD => ({ x: -a.x, y: -a.y });
export const ddadd_d_d = (a: number, b: number): DD => {
  const x = a + b;
  return { x, y: a - x + b };
};
export const ddmul_d_d = (a: number, b: number): DD => {
  const x = a * b;
  return { x, y: fma(a, b, -x) };
};
export const ddadd2_d_dd = (a: number, b: DD): DD => {
  const x = a + b.x;
  const v = x - a;
  return { x, y: a - (x - v) + (b.x - v) + b.y };
};
export const ddrec_d = (d: number): DD => {
  const x = 1 / d;
  return { x, y: x * fma(-d, x, 1) };
};
export const ddsub_dd_d = (a: DD, b: number): DD => {
  const x = a.x - b;
  return { x, y: a.x - x - b + a.y };
};
export const ddsqrt_d = (d: number): DD => {
  const t = Math.sqrt(d);
  return ddscale(ddmul(ddadd2_d_dd(d, ddmul_d_d(t, t)), ddrec_d(t)), 0.5);
};

