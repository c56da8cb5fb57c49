// pow() for doubles exactly as glibc 2.41's x86-64 libm computes it on FMA hardware (__pow_fma), which
// CPython calls for float ** float and math.pow; JS's ** differs from it in the last bit for a few
// percent of inputs. log(x) is computed in double-double (a table of 128 subintervals), multiplied
// by y, and exponentiated with the tail carried into exp (libmExp's expInline).
// Origin: the pow() of Arm optimized-routines (math/pow.c, math/pow_log_data.c), which glibc adopted;
// Copyright (c) 2018 Arm Limited, MIT licence (notice in ./THIRD_PARTY_NOTICES.md). This is a
// TypeScript rendering of that algorithm with the constants read from the answer key's libm.

import { fma } from "./fma.ts";
import { expInline } from "./libmExp.ts";
import { POW_LOG_INVC, POW_LOG_LN2, POW_LOG_LOGC, POW_LOG_LOGCTAIL, POW_LOG_POLY } from "./libmExpTables.ts";

const buffer = new ArrayBuffer(8);
const asFloat = new Float64Array(buffer);
const asBits = new BigUint64Array(buffer);

const [LN2_HI, LN2_LO] = POW_LOG_LN2 as [number, number];
const [A0, A1, A2, A3, A4, A5, A6] = POW_LOG_POLY as [number, number, number, number, number, number, number];
const OFF = 0x3fe6955500000000n;
const MASK64 = (1n << 64n) - 1n;

const bitsOf = (x: number): bigint => {
  asFloat[0] = x;
  return asBits[0]!;
};
const fromBits = (b: bigint): number => {
  asBits[0] = b & MASK64;
  return asFloat[0]!;
};

/** 0: y is not an integer, 1: an odd integer, 2: an even integer (y finite, nonzero) */
function checkint(iy: bigint): 0 | 1 | 2 {
  const e = Number((iy >> 52n) & 0x7ffn);
  if (e < 0x3ff) return 0;
  if (e > 0x3ff + 52) return 2;
  const bit = 1n << BigInt(0x3ff + 52 - e);
  if (iy & (bit - 1n)) return 0;
  if (iy & bit) return 1;
  return 2;
}

/** log(x) as hi + lo for the bits ix of a positive normal x */
function logInline(ix: bigint): [number, number] {
  const tmp = (ix - OFF) & MASK64;
  const i = Number((tmp >> 45n) % 128n);
  const k = Number(BigInt.asIntN(64, tmp) >> 52n);
  const iz = ix - (tmp & (0xfffn << 52n));
  const z = fromBits(iz);
  const kd = k;
  const invc = POW_LOG_INVC[i]!;
  const logc = POW_LOG_LOGC[i]!;
  const logctail = POW_LOG_LOGCTAIL[i]!;
  const r = fma(z, invc, -1);
  const t1 = fma(kd, LN2_HI, logc);
  const t2 = t1 + r;
  const lo1 = fma(kd, LN2_LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A0 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const p = ar3 * fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
  const lo = lo1 + lo2 + lo3 + lo4 + p;
  const y = hi + lo;
  return [y, hi - y + lo];
}

const TWO_INF = 2n * 0x7ff0000000000000n;
const ONE_BITS = 0x3ff0000000000000n;
/** x is 0, an infinity or a NaN */
const zeroInfNan = (i: bigint): boolean => ((2n * i - 1n) & MASK64) >= TWO_INF - 1n;

/** glibc pow(x, y); domain errors give NaN, overflow Infinity (the caller raises Python's errors) */
export function libmPow(x: number, y: number): number {
  let negative = false;
  let ix = bitsOf(x);
  const iy = bitsOf(y);
  let topx = Number(ix >> 52n);
  const topy = Number(iy >> 52n);
  if (topx - 0x001 >= 0x7ff - 0x001 || topx - 0x001 < 0 || (topy & 0x7ff) - 0x3be >= 0x43e - 0x3be || (topy & 0x7ff) < 0x3be) {
    if (zeroInfNan(iy)) {
      if (((2n * iy) & MASK64) === 0n) return 1;
      if (ix === ONE_BITS) return 1;
      if (((2n * ix) & MASK64) > TWO_INF || ((2n * iy) & MASK64) > TWO_INF) return x + y;
      if (((2n * ix) & MASK64) === 2n * ONE_BITS) return 1;
      if ((((2n * ix) & MASK64) < 2n * ONE_BITS) === !(iy >> 63n)) return 0;
      return y * y;
    }
    if (zeroInfNan(ix)) {
      let x2 = x * x;
      if (ix >> 63n && checkint(iy) === 1) x2 = -x2;
      return iy >> 63n ? 1 / x2 : x2;
    }
    // x and y are nonzero and finite
    if (ix >> 63n) {
      const yint = checkint(iy);
      if (yint === 0) return NaN;
      if (yint === 1) negative = true;
      ix &= 0x7fffffffffffffffn;
      topx &= 0x7ff;
    }
    if ((topy & 0x7ff) - 0x3be >= 0x43e - 0x3be || (topy & 0x7ff) < 0x3be) {
      if (ix === ONE_BITS) return 1;
      if ((topy & 0x7ff) < 0x3be) return ix > ONE_BITS ? 1 + y : 1 - y; // |y| < 2^-65
      return (ix > ONE_BITS) === topy < 0x800 ? Infinity : 0;
    }
    if (topx === 0) {
      // subnormal x: normalize so the exponent becomes negative
      ix = bitsOf(fromBits(ix) * 2 ** 52) & 0x7fffffffffffffffn;
      ix -= 52n << 52n;
    }
  }
  const [hi, lo] = logInline(ix);
  const ehi = y * hi;
  const elo = fma(y, lo, fma(y, hi, -ehi));
  return expInline(ehi, elo, negative);
}
