// One lane of ATen's avx_mathfun log256_ps / sincos256_ps (Cephes polynomials), float32 bit for bit.
// ATen's AVX2 randn uses these instead of libm for float32 tensors of 16 or more elements.
// Origin: PyTorch's aten/src/ATen/native/cpu/avx_mathfun.h, Copyright (C) 2012 Giovanni Garberoglio, based on
// "sse_mathfun" by Julien Pommier (Cephes polynomials); zlib licence, notice in ./THIRD_PARTY_NOTICES.md.
// This is an altered version, not the original: one lane in TypeScript, with each multiply-add fused (fmaf)
// exactly where GCC fused it in Debian's libtorch_cpu.so 1.13.1 (read from its machine code; PyTorch 2.6's streams agree).

import { bitsToFloat, floatBits, fmaf } from "./float32Math.ts";

const f32 = Math.fround;

const SQRTHF = f32(0.7071067811865476);
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1,
  -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f32);
const LOG_Q1 = f32(-2.1219444e-4);
const LOG_Q2 = f32(0.693359375);

/** log256_ps for one positive normal float32 (the only inputs randn gives it: 1 - u in (0, 1]). */
export function logAvx(input: number): number {
  if (!(input > 0)) return NaN;
  const bits = floatBits(Math.max(input, bitsToFloat(0x00800000)));
  let e = f32((bits >>> 23) - 0x7f + 1);
  // Keep the mantissa, with the exponent of 0.5: x in [0.5, 1).
  let x = bitsToFloat((bits & ~0x7f800000) | 0x3f000000);
  const below = x < SQRTHF;
  const tmp = below ? x : 0;
  x = f32(x - 1);
  e = f32(e - (below ? 1 : 0));
  x = f32(x + tmp);

  const z = f32(x * x);
  let y = LOG_P[0]!;
  for (let k = 1; k < LOG_P.length; k++) y = fmaf(y, x, LOG_P[k]!);
  y = f32(y * x);
  y = fmaf(y, z, f32(e * LOG_Q1));
  y = fmaf(-z, 0.5, y);
  x = f32(x + y);
  return fmaf(e, LOG_Q2, x);
}

const DP1 = f32(-0.78515625);
const DP2 = f32(-0.00024187564849853516);
const DP3 = f32(-3.774894977445941e-8);
const SINCOF = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f32);
const COSCOF = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f32);
const FOPI = f32(1.27323954473516);

/** sincos256_ps for one float32 lane: [sin x, cos x]. */
export function sincosAvx(input: number): [number, number] {
  let sinNegative = input < 0 || Object.is(input, -0);
  let x = Math.abs(input);
  // Octant j = (trunc(x * 4/pi) + 1) & ~1, as a 32-bit integer like cvttps_epi32.
  const j = ((Math.trunc(f32(x * FOPI)) | 0) + 1) & ~1;
  const y = f32(j);
  if (j & 4) sinNegative = !sinNegative;
  const usePolySin = (j & 2) === 0;
  const cosNegative = (~(j - 2) & 4) !== 0;

  // Extended-precision modular arithmetic: x - j*pi/4 in three parts.
  x = fmaf(y, DP1, x);
  x = fmaf(y, DP2, x);
  x = fmaf(y, DP3, x);

  const z = f32(x * x);
  let c = fmaf(COSCOF[0]!, z, COSCOF[1]!);
  c = fmaf(c, z, COSCOF[2]!);
  c = f32(c * z);
  c = fmaf(c, z, -f32(z * 0.5));
  c = f32(c + 1);

  let s = fmaf(SINCOF[0]!, z, SINCOF[1]!);
  s = fmaf(s, z, SINCOF[2]!);
  s = f32(s * z);
  s = fmaf(s, x, x);

  // Swap the polynomials between octants; "+ 0" mirrors the blend (it turns -0 into +0).
  const sinPart = usePolySin ? s + 0 : c + 0;
  const cosPart = usePolySin ? c + 0 : s + 0;
  return [sinNegative ? -sinPart : sinPart, cosNegative ? -cosPart : cosPart];
}
