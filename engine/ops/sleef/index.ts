// How ATen 2.6 applies its CPU math kernels to a contiguous run of elements, so that every element
// gets the bits PyTorch gives it. Two loop shapes matter (measured with tensors of 1 to 33 elements):
// - vml-style ops (exp, log, sin, cos, tan, tanh, log1p, expm1, log2, log10, asin, acos, atan) run
//   the SLEEF vector function on every element, the last partial vector included; sin/cos/tan take
//   the argument reduction the largest lane of the 8-float vector needs (|x| >= 125: wider).
// - cpu_kernel_vec ops (sigmoid, sinh, cosh, exp2, pow) run the vector function over whole blocks of two
//   vectors (16 floats, 8 doubles) and the scalar libm function on the remaining tail.
import {
  acosf, asinf, atanf, coshf, exp2f, expf, expm1f, log10f, log1pf, log2f, logf, powf, sinhf, sleefTanhf, tanf, tanhf,
} from "./float32.ts";
import { cosf, sinf, trigRange, type TrigRange } from "./trigf.ts";
import { cosh as cosh64, exp as exp64, log as log64, sinh as sinh64, tanh as tanh64 } from "./float64.ts";
import { exp2 as exp2_64, expm1 as expm1_64, log10 as log10_64, log1p as log1p64, log2 as log2_64, pow as pow64 } from "./float64_log.ts";
import { acos as acos64, asin as asin64, atan as atan64, cos as cos64, sin as sin64, tan as tan64 } from "./float64_trig.ts";
import { libmExp } from "../../random/libmExp.ts";
import { libmPow } from "../../random/libmPow.ts";
import { float32MathArray } from "../wasm/kernels.ts";
import { fusedMathArray, hasFusedKernel } from "../wasm/fused.ts";

const f = Math.fround;
type Fn = (x: number) => number;

/** float32: the SLEEF vector kernel, and the scalar one the tail of a cpu_kernel_vec loop uses */
const FLOAT32: Record<string, { vec: Fn; tail?: Fn }> = {
  exp: { vec: expf },
  log: { vec: logf },
  tanh: { vec: tanhf },
  expm1: { vec: expm1f },
  log1p: { vec: log1pf },
  log2: { vec: log2f },
  log10: { vec: log10f },
  atan: { vec: atanf },
  asin: { vec: asinf },
  acos: { vec: acosf },
  // exp2 runs as a cpu_kernel_vec loop: SLEEF's exp2f on blocks of 16, glibc's exp2f (correctly
  // rounded but for rare cases) on the tail
  exp2: { vec: exp2f, tail: (x) => f(2 ** x) },
  sigmoid: { vec: (x) => f(1 / f(1 + expf(-x))), tail: (x) => f(1 / f(1 + f(Math.exp(-x)))) },
  sinh: { vec: sinhf, tail: (x) => f(Math.sinh(x)) },
  cosh: { vec: coshf, tail: (x) => f(Math.cosh(x)) },
};
/** sin/cos (SLEEF's u35) and tan (u10): each 8-float vector takes the reduction its widest lane needs */
const TRIG: Record<string, (x: number, range: TrigRange) => number> = {
  sin: sinf,
  cos: cosf,
  tan: (x, range) => tanf(x, range > 0),
};

/** float64: SLEEF's double kernels (the scalar tails of cpu_kernel_vec loops: glibc's exp, JS's Math
 *  for sinh/cosh/exp2, which can differ from glibc's in the last bit) */
const FLOAT64: Record<string, { vec: Fn; tail?: Fn }> = {
  exp: { vec: exp64 },
  log: { vec: log64 },
  tanh: { vec: tanh64 },
  sigmoid: { vec: (x) => 1 / (1 + exp64(-x)), tail: (x) => 1 / (1 + libmExp(-x)) },
  sinh: { vec: sinh64, tail: Math.sinh },
  cosh: { vec: cosh64, tail: Math.cosh },
  expm1: { vec: expm1_64 }, log1p: { vec: log1p64 }, log2: { vec: log2_64 }, log10: { vec: log10_64 },
  atan: { vec: atan64 }, asin: { vec: asin64 }, acos: { vec: acos64 }, exp2: { vec: exp2_64, tail: (x) => 2 ** x },
  sin: { vec: sin64 }, cos: { vec: cos64 }, tan: { vec: tan64 },
};

export const hasKernel = (op: string): boolean => op in FLOAT64;

/** below this many elements the scalar loop is as quick as the SIMD kernel's set-up */
const SIMD_FROM = 32;

/** out[i] = op(src[i]) for i < n, as ATen's CPU loop computes it for a contiguous tensor of dtype;
 *  `between` is called between chunks of a long run (the run's time budget) */
export function applyKernel(
  op: string,
  dtype: "float32" | "float64",
  src: ArrayLike<number>,
  out: Float32Array | Float64Array,
  between: () => void = () => undefined,
): void {
  const n = out.length;
  // float64 exp and tanh, float32 exp: SLEEF's steps with real fused multiply-adds where the
  // machine has them (wasm/fused.ts), bit for bit the loop below
  const sameKind = dtype === "float32" ? src instanceof Float32Array && out instanceof Float32Array : src instanceof Float64Array && out instanceof Float64Array;
  if (n >= SIMD_FROM && sameKind && hasFusedKernel(op, dtype)) {
    const reference = (dtype === "float32" ? FLOAT32 : FLOAT64)[op]!.vec;
    if (fusedMathArray(op, src as Float32Array | Float64Array, out, reference, between)) return;
  }
  // else float32 exp and tanh: SIMD kernels without fma (wasm/expf_wasm.ts, tanhf_wasm.ts)
  if (n >= SIMD_FROM && src instanceof Float32Array && out instanceof Float32Array) {
    if (op === "exp" && float32MathArray("exp", src, out, expf, between)) return;
    if (op === "tanh" && float32MathArray("tanh", src, out, sleefTanhf, between)) return;
  }
  applyKernelScalar(op, dtype, src, out);
}

/** applyKernel's loops in JavaScript: the reference the SIMD kernels are tested against */
export function applyKernelScalar(op: string, dtype: "float32" | "float64", src: ArrayLike<number>, out: Float32Array | Float64Array): void {
  const n = out.length;
  if (dtype === "float64") {
    const k = FLOAT64[op]!;
    const vecEnd = k.tail ? n - (n % 8) : n;
    for (let i = 0; i < vecEnd; i++) out[i] = k.vec(src[i]!);
    if (k.tail) for (let i = vecEnd; i < n; i++) out[i] = k.tail(src[i]!);
    return;
  }
  const trig = TRIG[op];
  if (trig) {
    for (let g = 0; g < n; g += 8) {
      const end = Math.min(n, g + 8);
      let range: TrigRange = 0;
      for (let i = g; i < end; i++) range = Math.max(range, trigRange(src[i]!)) as TrigRange;
      for (let i = g; i < end; i++) out[i] = trig(src[i]!, range);
    }
    return;
  }
  const k = FLOAT32[op]!;
  const vecEnd = k.tail ? n - (n % 16) : n;
  const vec = k.vec;
  for (let i = 0; i < vecEnd; i++) out[i] = vec(src[i]!);
  if (k.tail) for (let i = vecEnd; i < n; i++) out[i] = k.tail(src[i]!);
}

/** x ** exponent for a float32 base and a float exponent other than 0.5, 2, 3, -0.5, -1, -2 */
export function powFloat32(src: ArrayLike<number>, exponent: number, out: Float32Array): void {
  const n = out.length;
  const e = f(exponent);
  const vecEnd = n - (n % 16);
  for (let i = 0; i < vecEnd; i++) out[i] = powf(src[i]!, e);
  // the scalar tail is std::pow(float, double): glibc's double pow, the exponent not rounded to float
  for (let i = vecEnd; i < n; i++) out[i] = f(libmPow(src[i]!, exponent));
}

/** x ** exponent for a float64 base: SLEEF's pow on blocks of 8, glibc's pow on the tail */
export function powFloat64(src: ArrayLike<number>, exponent: number, out: Float64Array): void {
  const n = out.length;
  const vecEnd = n - (n % 8);
  for (let i = 0; i < vecEnd; i++) out[i] = pow64(src[i]!, exponent);
  for (let i = vecEnd; i < n; i++) out[i] = libmPow(src[i]!, exponent);
}
