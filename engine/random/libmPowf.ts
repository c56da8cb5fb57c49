// powf() exactly as glibc 2.41's x86-64 libm computes it on FMA hardware (__powf_fma), which ATen's
// scalar loops call for float ** float (std::pow(float, float)): log2(x) in double from a 16-entry
// table and a degree-5 polynomial, times y, then 2^(y log2 x) from a 32-entry table and a cubic, rounded
// once to float. Neither Math.pow rounded to float nor SLEEF's powf gives its bits (it errs up to 0.82
// ulp). Every `fma` is where GCC fused a multiply into the following add.
// Origin: the powf() of Arm optimized-routines (math/powf.c), which glibc adopted; Copyright (c)
// 2017-2018 Arm Limited, MIT licence (notice in ./THIRD_PARTY_NOTICES.md). This is a TypeScript rendering
// of that algorithm with the constants read from the answer key's libm (libmPowfTables.ts).

import { fma } from "./fma.ts";
import { EXP2F_POLY, EXP2F_TAB_HI, EXP2F_TAB_LO, POWF_LOG2_INVC, POWF_LOG2_LOGC, POWF_LOG2_POLY } from "./libmPowfTables.ts";

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const w32 = new Uint32Array(f64.buffer); // little-endian: [low, high]
const asuint = (x: number): number => ((f32[0] = x), u32[0]!);
const asfloat = (i: number): number => ((u32[0] = i >>> 0), f32[0]!);

const OFF = 0x3f330000;
const SIGN_BIAS = 1 << 16; // 1 << (EXP2F_TABLE_BITS + 11)
const SHIFT = 1.5 * 2 ** 47; // 0x1.8p52 / 32
const [A0, A1, A2, A3, A4] = POWF_LOG2_POLY as [number, number, number, number, number];
const [C0, C1, C2] = EXP2F_POLY as [number, number, number];

/** log2 of the float whose bits are ix (positive, normalised: a subnormal's exponent negative) */
function log2Inline(ix: number): number {
  const tmp = (ix - OFF) | 0;
  const i = (tmp >>> 19) % 16;
  const top = tmp & 0xff800000;
  const iz = (ix - top) >>> 0;
  const k = top >> 23;
  const z = asfloat(iz);
  const r = fma(z, POWF_LOG2_INVC[i]!, -1);
  const y0 = POWF_LOG2_LOGC[i]! + k;
  const r2 = r * r;
  const y = fma(A0, r, A1);
  const p = fma(A2, r, A3);
  const r4 = r2 * r2;
  let q = fma(A4, r, y0);
  q = fma(p, r2, q);
  return fma(y, r4, q);
}

/** 2^xd (|xd| < 150), negated when signBias is set, rounded to float */
function exp2Inline(xd: number, signBias: number): number {
  let kd = xd + SHIFT;
  f64[0] = kd;
  const ki = w32[0]!; // the low word: k in its low bits (k/32 = xd rounded to 1/32)
  kd -= SHIFT;
  const r = xd - kd;
  const idx = ki % 32;
  // t = tab[idx] + ((ki + signBias) << 47): the shift lands in the high word, bits 15 and up
  const hi = (EXP2F_TAB_HI[idx]! + (((ki + signBias) << 15) >>> 0)) >>> 0;
  w32[0] = EXP2F_TAB_LO[idx]!;
  w32[1] = hi;
  const s = f64[0]!;
  const z = fma(C0, r, C1);
  const r2 = r * r;
  let y = fma(C2, r, 1);
  y = fma(z, r2, y);
  return Math.fround(y * s);
}

/** 0: not an integer, 1: an odd integer, 2: an even integer (iy the bits of a finite nonzero float) */
function checkint(iy: number): 0 | 1 | 2 {
  const e = (iy >>> 23) & 0xff;
  if (e < 0x7f) return 0;
  if (e > 0x7f + 23) return 2;
  if (iy & ((1 << (0x7f + 23 - e)) - 1)) return 0;
  if (iy & (1 << (0x7f + 23 - e))) return 1;
  return 2;
}

const zeroinfnan = (i: number): boolean => ((2 * i - 1) >>> 0) >= 2 * 0x7f800000 - 1;

/** glibc's powf(x, y) for floats x, y (numbers that are floats already) */
export function libmPowf(x: number, y: number): number {
  let signBias = 0;
  let ix = asuint(x);
  const iy = asuint(y);
  if (((ix - 0x00800000) >>> 0) >= 0x7f800000 - 0x00800000 || zeroinfnan(iy)) {
    if (zeroinfnan(iy)) {
      if (((2 * iy) >>> 0) === 0) return 1;
      if (ix === 0x3f800000) return 1;
      if (((2 * ix) >>> 0) > 2 * 0x7f800000 || ((2 * iy) >>> 0) > 2 * 0x7f800000) return Math.fround(x + y);
      if (((2 * ix) >>> 0) === 2 * 0x3f800000) return 1;
      if ((((2 * ix) >>> 0) < 2 * 0x3f800000) === !(iy & 0x80000000)) return 0;
      return Math.fround(y * y);
    }
    if (zeroinfnan(ix)) {
      let x2 = Math.fround(x * x);
      if (ix & 0x80000000 && checkint(iy) === 1) x2 = -x2;
      return iy & 0x80000000 ? Math.fround(1 / x2) : x2;
    }
    if (ix & 0x80000000) {
      const yint = checkint(iy);
      if (yint === 0) return NaN;
      if (yint === 1) signBias = SIGN_BIAS;
      ix &= 0x7fffffff;
    }
    if (ix < 0x00800000) {
      ix = asuint(Math.fround(x * 8388608)) & 0x7fffffff;
      ix = (ix - (23 << 23)) | 0;
    }
  }
  const ylogx = y * log2Inline(ix);
  if (Math.abs(ylogx) >= 126) {
    if (ylogx > 127.99999995700433) return signBias ? -Infinity : Infinity;
    if (ylogx <= -150) return signBias ? -0 : 0;
  }
  return exp2Inline(ylogx, signBias);
}
