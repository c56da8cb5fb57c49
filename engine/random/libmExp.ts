// exp() for doubles exactly as glibc 2.41's x86-64 libm computes it on FMA hardware (__exp_fma), which
// CPython's math.exp calls; JS's Math.exp differs from it in the last bit for about one input in ten.
// Every `fma` below is where GCC fuses a multiply into the add that follows it.
// Origin: the exp() of Arm optimized-routines (math/exp.c, math/exp_data.c), which glibc adopted;
// Copyright (c) 2018 Arm Limited, MIT licence (notice in ./THIRD_PARTY_NOTICES.md). This is a
// TypeScript rendering of that algorithm with the constants read from the answer key's libm.

import { fma } from "./fma.ts";
import { EXP_CONSTANTS, EXP_POLY, EXP_SBITS_HI, EXP_SBITS_LO, EXP_TAIL } from "./libmExpTables.ts";

const buffer = new ArrayBuffer(8);
const asFloat = new Float64Array(buffer);
const asWords = new Uint32Array(buffer); // little-endian: [low word, high word]

const [INV_LN2_N, NEG_LN2_HI_N, NEG_LN2_LO_N, SHIFT] = EXP_CONSTANTS as [number, number, number, number];
const [C2, C3, C4, C5] = EXP_POLY as [number, number, number, number];
const N = 128;

/** the top 12 bits (sign and exponent) of x */
function top12(x: number): number {
  asFloat[0] = x;
  return asWords[1]! >>> 20;
}

function fromWords(hi: number, lo: number): number {
  asWords[1] = hi >>> 0;
  asWords[0] = lo >>> 0;
  return asFloat[0]!;
}

const TOP_TINY = top12(2 ** -54); // 0x3c9
const TOP_512 = top12(512); // 0x408
const TOP_1024 = top12(1024); // 0x409
const TOP_INF = top12(Infinity); // 0x7ff

/** glibc exp(x); overflow gives Infinity and underflow 0 (the caller raises Python's errors) */
export function libmExp(x: number): number {
  return expInline(x, 0, false);
}

/** exp(x + xtail), negated when `negative` (pow's exp_inline; exp() is xtail = 0) */
export function expInline(x: number, xtail: number, negative: boolean): number {
  let abstop = top12(x) & 0x7ff;
  if (abstop - TOP_TINY >= TOP_512 - TOP_TINY || abstop < TOP_TINY) {
    if (abstop < TOP_TINY) return negative ? -(1 + x) : 1 + x; // |x| < 2^-54: 1 + x rounds as exp(x) does
    if (abstop >= TOP_1024) {
      if (x === -Infinity) return 0;
      if (abstop >= TOP_INF) return 1 + x;
      const big = x < 0 ? 0 : Infinity;
      return negative ? -big : big;
    }
    abstop = 0; // large |x|: the scale may overflow or underflow, handled below
  }
  const kd0 = fma(INV_LN2_N, x, SHIFT);
  asFloat[0] = kd0;
  const kiLo = asWords[0]!;
  const kd = kd0 - SHIFT;
  const r = fma(kd, NEG_LN2_LO_N, fma(kd, NEG_LN2_HI_N, x)) + xtail;
  const idx = kiLo % N;
  // (ki + sign bias) << 45 added to the table's bits: the low word is untouched, the high word
  // gains ki << 13 (and the sign bit for a negative result)
  const sbitsHi = (EXP_SBITS_HI[idx]! + ((kiLo << 13) >>> 0) + (negative ? 0x80000000 : 0)) >>> 0;
  const sbitsLo = EXP_SBITS_LO[idx]!;
  const tail = EXP_TAIL[idx]!;
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), tail + r));
  if (abstop === 0) return specialCase(tmp, sbitsHi, sbitsLo, kiLo);
  const scale = fromWords(sbitsHi, sbitsLo);
  return fma(scale, tmp, scale);
}

/** exp(x) for |x| in [512, 1024): the scale 2^k would overflow or be subnormal */
function specialCase(tmp: number, sbitsHi: number, sbitsLo: number, kiLo: number): number {
  if ((kiLo & 0x80000000) === 0) {
    // k > 0: scale down by 2^1009 first, multiply back at the end
    const scale = fromWords(sbitsHi - (1009 << 20), sbitsLo);
    return 2 ** 1009 * fma(scale, tmp, scale);
  }
  // k < 0: scale up by 2^1022 so the result is computed as a normal number, then rounded once
  const biasedHi = (sbitsHi + (1022 << 20)) >>> 0;
  const scale = fromWords(biasedHi, sbitsLo);
  // scale * tmp has two uses here, so GCC computes it once and fuses neither add
  const product = scale * tmp;
  let y = scale + product;
  if (Math.abs(y) < 1) {
    const one = y < 0 ? -1 : 1;
    const lo = scale - y + product;
    const hi = one + y;
    const lo2 = one - hi + y + lo;
    y = hi + lo2 - one;
    if (y === 0) y = biasedHi >= 0x80000000 ? -0 : 0;
  }
  return 2 ** -1022 * y;
}
