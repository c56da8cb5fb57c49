// float32.ts's tanhf as a WebAssembly SIMD kernel, by the same argument: for |x| in [2^-12, 8.66]
// SLEEF's result before its last rounding lies within a small, measured fraction of a float32 ulp
// of the exact tanh, so wherever the exact value lies further than a margin from the midpoint
// between two floats, SLEEF's float32 result is the exact value rounded. Here the exact value
// comes from a float64 tanh of our own, (e^2a - 1) / (e^2a + 1) with e^2a - 1 from a degree-13
// Taylor polynomial after Cody-Waite reduction, within a few float64 ulps (1e-15 relative, far inside
// the margins' slack of 1e-11); elements outside the range or near a midpoint are flagged for the
// scalar tanhf (the reference), which runs SLEEF's own steps for them.
import { GET, SET, V128, i64x2Const, simd, type FuncDef } from "./encode.ts";
import {
  ABS, ADD, AND, BITSELECT, DIV, F64_GE, F64_LE, F64_LT, I64_SUB, MUL, NEAREST, NOT, OR, ROUND32, SUB,
  k64, pairKernel, pow2,
} from "./pairs.ts";

export const TANHF_GROUPS = 8;

const TANH_MAX = Math.fround(8.664339742);
const LN2_HI = 6.93147180369123816490e-1; // 32 significant bits: k · LN2_HI is exact for k < 2^21
const LN2_LO = 1.9082149292705877e-10;
/** 1/k! for k = 13 down to 2 */
const EXPM1_TAYLOR = Array.from({ length: 12 }, (_, i) => {
  let f = 1;
  for (let k = 2; k <= 13 - i; k++) f *= k;
  return 1 / f;
});

export function tanhfKernel(): FuncDef {
  return pairKernel("tanhf_f32", TANHF_GROUPS, ({ L, groups, x: X, result: OUT, flag: FLAG }) => {
    const [A, K, R, P, T] = [0, 1, 2, 3, 4].map(() => L.add(V128, groups));
    const get = (x: number, g: number) => [GET, x + g];
    const poly = (g: number) => {
      const code = [...k64(EXPM1_TAYLOR[0]!)];
      for (const c of EXPM1_TAYLOR.slice(1)) code.push(...get(R, g), ...MUL, ...k64(c), ...ADD);
      return code;
    };
    // the float32 margin by |x|, as tanhf chooses it
    const margin = (g: number) => {
      let code = k64(5e-4);
      for (const [below, m] of [[2, 0.02], [0.5, 0.06], [0.0625, 8e-3], [0.00390625, 6e-4]] as const)
        code = [...k64(m), ...code, ...get(A, g), ...k64(below), ...F64_LT, ...BITSELECT];
      return code;
    };
    return [
      (g) => [...get(X, g), ...ABS, SET, A + g],
      // outside [2^-12, TANH_MAX] (or NaN): the scalar tanhf
      (g) => [...get(A, g), ...k64(2 ** -12), ...F64_GE, ...get(A, g), ...k64(TANH_MAX), ...F64_LE, ...AND, ...NOT, SET, FLAG + g],
      // 2a = k·ln2 + r
      (g) => [...get(A, g), ...get(A, g), ...ADD, ...k64(1 / Math.LN2), ...MUL, ...NEAREST, SET, K + g],
      (g) => [...get(A, g), ...get(A, g), ...ADD, ...get(K, g), ...k64(LN2_HI), ...MUL, ...SUB, ...get(K, g), ...k64(LN2_LO), ...MUL, ...SUB, SET, R + g],
      // e^r - 1 = r + r²·(1/2 + r/6 + ...)
      (g) => [...get(R, g), ...get(R, g), ...get(R, g), ...MUL, ...poly(g), ...MUL, ...ADD, SET, P + g],
      // e^2a - 1 = 2^k·(e^r - 1) + (2^k - 1); tanh a = (e^2a - 1) / (e^2a - 1 + 2)
      (g) => [...pow2(get(K, g)), SET, T + g],
      (g) => [...get(T, g), ...get(P, g), ...MUL, ...get(T, g), ...k64(1), ...SUB, ...ADD, SET, P + g],
      (g) => [...get(P, g), ...get(P, g), ...k64(2), ...ADD, ...DIV, SET, T + g],
      // r = float32(t); accepted where |t - r| < (0.5 - margin) · ulp(r)
      (g) => [...get(T, g), ...ROUND32, SET, OUT + g],
      (g) => [
        ...get(T, g), ...get(OUT, g), ...SUB, ...ABS,
        ...k64(0.5), ...margin(g), ...SUB,
        ...get(OUT, g), ...i64x2Const(0x7ff00000, 0), ...AND, ...i64x2Const(23 << 20, 0), ...I64_SUB,
        ...MUL, ...F64_LT, ...NOT, ...get(FLAG, g), ...OR, SET, FLAG + g,
      ],
      // the sign of x
      (g) => [...get(OUT, g), ...simd(237) /* f64x2.neg */, ...get(OUT, g), ...get(X, g), ...k64(0), ...F64_LT, ...BITSELECT, SET, OUT + g],
    ];
  });
}
