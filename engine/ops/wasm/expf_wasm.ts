// SLEEF's float32 exp (float32.ts's expf, the kernel ATen 2.6 runs) as a WebAssembly SIMD kernel.
// Each float32 value rides in a float64 lane: a float32 operation is the float64 one rounded back
// to float32 (demote, promote), which is exact, since a float64 add, multiply or divide of two
// float32 values rounds to float32 as one float32 operation would. A fused multiply-add is
// a·b (exact in float64) + c, rounded to float64 and then to float32: the same as one rounding
// unless the float64 sum lands exactly halfway between two float32 values, so each fma sets a flag
// when its float64 result has that pattern, and the pair is redone by the scalar expf (the
// reference the tests compare against).
import { GET, SET, V128, type FuncDef } from "./encode.ts";
import {
  ADD, AND, BITSELECT, F64_GT, F64_LT, F64_NE, FLOOR, I64_EQ, MID, MID_MASK, MUL, NEAREST, OR, ROUND32, SUB, ZERO,
  k32, k64, pairKernel, pow2,
} from "./pairs.ts";

/** pairs of elements interleaved per loop step (8 measured quickest: 4 leaves latency, 16 spills) */
export const EXPF_GROUPS = 8;

export function expfKernel(): FuncDef {
  return pairKernel("expf_f32", EXPF_GROUPS, ({ L, groups, x: D, result: U, flag: FLAG }) => {
    const [Q, S, T] = [L.add(V128, groups), L.add(V128, groups), L.add(V128, groups)];
    const [MASK, HALFWAY] = [L.add(V128), L.add(V128)];
    const get = (x: number, g: number) => [GET, x + g];
    /** a·b + c of float32 values, rounded once to float32 but for flagged halfway cases */
    const fma = (a: number[], b: number[], c: number[], g: number) => [
      ...a, ...b, ...MUL, ...c, ...ADD, SET, T + g,
      ...[GET, FLAG + g, GET, T + g, GET, MASK, ...AND, GET, HALFWAY, ...I64_EQ, ...OR, SET, FLAG + g],
      ...[GET, T + g, ...ROUND32],
    ];
    return [
      (g) => (g === 0 ? [...MID_MASK, SET, MASK, ...MID, SET, HALFWAY] : []),
      (g) => [...get(D, g), ...k32(1.4426950408889634), ...MUL, ...ROUND32, ...NEAREST, SET, Q + g],
      (g) => [...fma(get(Q, g), k32(-0.693145751953125), get(D, g), g), SET, S + g],
      (g) => [...fma(get(Q, g), k32(-1.428606765330187e-6), get(S, g), g), SET, S + g],
      (g) => [...fma(k32(0.00019852761761285365), get(S, g), k32(0.0013930435525253415), g), SET, U + g],
      (g) => [...fma(get(U, g), get(S, g), k32(0.008333360776305199), g), SET, U + g],
      (g) => [...fma(get(U, g), get(S, g), k32(0.041666485369205475), g), SET, U + g],
      (g) => [...fma(get(U, g), get(S, g), k32(0.1666666716337204), g), SET, U + g],
      (g) => [...fma(get(U, g), get(S, g), k32(0.5), g), SET, U + g],
      // u = 1 + fma(s·s, u, s)
      (g) => [...k32(1), ...fma([...get(S, g), ...get(S, g), ...MUL, ...ROUND32], get(U, g), get(S, g), g), ...ADD, ...ROUND32, SET, U + g],
      // ldexp2: u · 2^(q>>1) · 2^(q - (q>>1)), each product rounded to float32
      (g) => [...get(Q, g), ...k64(0.5), ...MUL, ...FLOOR, SET, T + g],
      (g) => [...get(U, g), ...pow2(get(T, g)), ...MUL, ...ROUND32, ...pow2([...get(Q, g), ...get(T, g), ...SUB]), ...MUL, ...ROUND32, SET, U + g],
      // d < -104: 0; d > 100: inf; NaN: d
      (g) => [...ZERO, ...get(U, g), ...get(D, g), ...k32(-104), ...F64_LT, ...BITSELECT, SET, U + g],
      (g) => [...k64(Infinity), ...get(U, g), ...get(D, g), ...k32(100), ...F64_GT, ...BITSELECT, SET, U + g],
      (g) => [...get(D, g), ...get(U, g), ...get(D, g), ...get(D, g), ...F64_NE, ...BITSELECT, SET, U + g],
    ];
  });
}
