// log() and sincos() for doubles exactly as glibc 2.36's x86-64 libm computes them on FMA hardware
// (the __log_fma / __sincos_fma builds), which PyTorch's double-precision Box-Muller calls.
// Every `fma` below is where GCC fused a multiply into the following add in those builds;
// JS's own Math.log/sin/cos differ from glibc in the last bit for several percent of inputs.

import { fma } from "./fma.ts";
import { LOG_LN2, LOG_POLY, LOG_POLY1, LOG_TABLE, SINCOS_TABLE } from "./libmTables.ts";

const buffer = new ArrayBuffer(8);
const asFloat = new Float64Array(buffer);
const asWords = new Uint32Array(buffer); // little-endian: [low word, high word]

const [LN2_HI, LN2_LO] = LOG_LN2 as [number, number];
const [A0, A1, A2, A3, A4] = LOG_POLY as [number, number, number, number, number];
const B = LOG_POLY1;
const TWO_POW_27 = 134217728;
const OFF_HIGH = 0x3fe60000; // high word of OFF = 0x3fe6000000000000; z lands in [OFF, 2*OFF)
const NEAR_ONE_LO_HIGH = 0x3fee0000; // 1 - 2^-4
const NEAR_ONE_HI_HIGH = 0x3ff10900; // 1 + 0x1.09p-4

/** glibc log(x) for positive normal x (Box-Muller only passes 1 - u with u in [0, 1)). */
export function libmLog(x: number): number {
  if (!(x > 0) || x === Infinity || x < 2.2250738585072014e-308) return Math.log(x);
  asFloat[0] = x;
  const high = asWords[1]!;
  if (high >= NEAR_ONE_LO_HIGH && high < NEAR_ONE_HI_HIGH) {
    if (x === 1) return 0;
    const r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    const inner7 = fma(r3, B[10]!, fma(r2, B[9]!, fma(r, B[8]!, B[7]!)));
    const inner4 = fma(inner7, r3, fma(r2, B[6]!, fma(r, B[5]!, B[4]!)));
    const poly = fma(inner4, r3, fma(r2, B[3]!, fma(r, B[2]!, B[1]!)));
    // r split into rhi (26 bits) + rlo so that rhi*rhi is exact: hi + lo = r - r*r/2.
    const rhi = fma(-TWO_POW_27, r, fma(r, TWO_POW_27, r));
    const rlo = r - rhi;
    const rhi2 = rhi * rhi;
    const hi = fma(rhi2, B[0]!, r);
    let lo = fma(rhi2, B[0]!, r - hi);
    lo = fma(B[0]! * rlo, rhi + r, lo);
    return hi + fma(poly, r3, lo);
  }
  // x = 2^k z with z in [OFF, 2*OFF); table entry i brackets z with 1/c and log(c).
  const tmpHigh = (high - OFF_HIGH) | 0;
  const i = (tmpHigh >>> 13) & 0x7f;
  const k = tmpHigh >> 20;
  asWords[1] = high - (tmpHigh & 0xfff00000);
  const z = asFloat[0]!;
  const invc = LOG_TABLE[2 * i]!;
  const logc = LOG_TABLE[2 * i + 1]!;
  const r = fma(z, invc, -1);
  const w = fma(k, LN2_HI, logc);
  const hi = w + r;
  const lo = fma(k, LN2_LO, w - hi + r);
  const r2 = r * r;
  const poly = fma(r2, fma(r, A4, A3), fma(r, A2, A1));
  return fma(r * r2, poly, fma(r2, A0, lo)) + hi;
}

// IBM Accurate Mathematical Library constants (glibc sysdeps/ieee754/dbl-64/usncs.h, s_sin.c).
const S1 = -0.16666666666666666;
const S2 = 0.008333333333332329;
const S3 = -0.00019841269834414642;
const S4 = 2.755729806860771e-6;
const S5 = -2.5022014848318398e-8;
const SN3 = -0.16666666666666488;
const SN5 = 0.008333332142857223;
const CS2 = 0.5;
const CS4 = -0.04166666666666644;
const CS6 = 0.001388888740079376;
const BIG = 52776558133248; // 1.5 * 2^45: adding it rounds to a multiple of 1/128
const HP0 = 1.5707963267948966;
const HP1 = 6.123233995736766e-17;
const MP1 = 1.5707963407039642;
const MP2 = -1.3909067564377153e-8;
const PP3 = -4.97899623147991e-17;
const PP4 = -1.9034889620193266e-25;
const HPINV = 0.6366197723675814;
const TOINT = 6755399441055744; // 1.5 * 2^52

/** glibc compares only the high 32 bits of |x|; this is the smallest double with that high word. */
function highWordBound(hi: number): number {
  asWords[0] = 0;
  asWords[1] = hi;
  return asFloat[0]!;
}
const TINY = highWordBound(0x3e400000); // 2^-27
const SMALL = highWordBound(0x3feb6000); // 0.85546875
const MEDIUM = highWordBound(0x400368fd); // about 2.426265
const LARGE = highWordBound(0x419921fb); // about 105414350

function copySign(magnitude: number, sign: number): number {
  const m = Math.abs(magnitude);
  return sign < 0 || Object.is(sign, -0) ? -m : m;
}

/** Nearest k/128 to |x| (as BIG + |x| rounds) and |x| minus it. */
function tableSplit(x: number): [number, number] {
  const u = BIG + Math.abs(x);
  const rounded = u - BIG;
  return [Math.round(rounded * 128) * 4, Math.abs(x) - rounded];
}

/** Taylor series of sin(a + da) for small a (glibc's TAYLOR_SIN). */
function taylorSin(xx: number, a: number, da: number): number {
  const poly = fma(fma(fma(fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
  const t = fma(fma(poly, a, -(0.5 * da)), xx, da);
  return a + t;
}

/** cos(x + dx) from the table entry nearest |x| and short polynomials. */
function doCos(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const [k, xr] = tableSplit(x);
  const y = xr + dx;
  const xx = y * y;
  const s = fma(y * xx, fma(xx, SN5, SN3), y);
  const c = xx * fma(fma(xx, CS6, CS4), xx, CS2);
  const sn = SINCOS_TABLE[k]!;
  const ssn = SINCOS_TABLE[k + 1]!;
  const cs = SINCOS_TABLE[k + 2]!;
  const ccs = SINCOS_TABLE[k + 3]!;
  const cor = fma(-sn, s, fma(-cs, c, fma(-s, ssn, ccs)));
  return cs + cor;
}

/** sin(x + dx), with the Taylor series near zero. */
function doSin(x: number, dx: number): number {
  const xold = x;
  if (Math.abs(x) < 0.126) return taylorSin(x * x, x, dx);
  if (x <= 0) dx = -dx;
  const [k, xr] = tableSplit(x);
  const xx = xr * xr;
  const s = xr + fma(xr * xx, fma(xx, SN5, SN3), dx);
  const c = fma(xr, dx, xx * fma(fma(xx, CS6, CS4), xx, CS2));
  const sn = SINCOS_TABLE[k]!;
  const ssn = SINCOS_TABLE[k + 1]!;
  const cs = SINCOS_TABLE[k + 2]!;
  const ccs = SINCOS_TABLE[k + 3]!;
  const cor = fma(s, cs, fma(-sn, c, fma(s, ccs, ssn)));
  return copySign(sn + cor, xold);
}

function doSinCos(a: number, da: number, n: number): number {
  const v = n & 1 ? doCos(a, da) : doSin(a, da);
  return n & 2 ? -v : v;
}

/** glibc sincos(x) -> [sin x, cos x] for |x| < 105414350 (Box-Muller angles lie in [0, 2*pi)). */
export function libmSinCos(x: number): [number, number] {
  const ax = Math.abs(x);
  if (!(ax < LARGE)) return [Math.sin(x), Math.cos(x)];
  if (ax < TINY) return [x, 1];
  if (ax < SMALL) return [doSin(x, 0), doCos(x, 0)];
  if (ax < MEDIUM) {
    const y = HP0 - ax;
    const a = y + HP1;
    const da = y - a + HP1;
    return [copySign(doCos(a, da), x), doSin(a, da)];
  }
  // Cody-Waite reduction by pi/2 in four parts; n is the quadrant.
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  const n = ((xn % 4) + 4) % 4;
  const y = fma(-xn, MP2, fma(-xn, MP1, x));
  const t2 = fma(-xn, PP3, y);
  let db = fma(-xn, PP3, y - t2);
  const b = fma(-xn, PP4, t2);
  db += fma(-xn, PP4, t2 - b);
  return [doSinCos(b, db, n), doSinCos(b, db, n + 1)];
}
