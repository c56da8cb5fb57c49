// The frame of our fused-multiply-add kernels (fused_math_wasm.ts): WebAssembly's relaxed SIMD
// gives f64x2/f32x4.relaxed_madd, which a CPU with FMA3 runs as one fused multiply-add (fused.ts
// checks that it does before using any of them). A kernel reads whole 128-bit vectors (2 doubles or
// 4 floats), several interleaved per loop step so one vector's long chain of dependent steps overlaps
// the others', and writes whole vectors; the few elements after the last whole step are the
// caller's (the scalar reference function).
import { GET, I32, I32_ADD, I32_LT_U, Locals, SET, V128, f64x2Const, i32, simd, v128Load, v128Store, whileLoop, type FuncDef } from "./encode.ts";

/** a·b + c, fused (the top three values on the stack: a, b, c) */
export const MADD64 = simd(0x107);
export const MADD32 = simd(0x105);

/** f32x4 operations (f64x2's are in pairs.ts) */
export const F32X4 = {
  ADD: simd(228),
  SUB: simd(229),
  MUL: simd(230),
  NEAREST: simd(106),
  LT: simd(67),
  GT: simd(68),
  NE: simd(66),
  /** float to int32, saturating (NaN: 0) */
  TO_I32: simd(248),
  I32_ADD: simd(174),
  I32_SUB: simd(177),
  I32_SHL: simd(171),
  I32_SHR_S: simd(172),
};
export const XOR = simd(81);

/** a float32 constant in all four lanes */
export const k32x4 = (v: number): number[] => {
  const lane = new Uint8Array(Float32Array.of(v).buffer);
  return simd(12, ...lane, ...lane, ...lane, ...lane);
};
export const i32x4Const = (v: number): number[] => {
  const lane = new Uint8Array(Int32Array.of(v).buffer);
  return simd(12, ...lane, ...lane, ...lane, ...lane);
};
export const k64x2 = f64x2Const;

/** what a kernel's steps see: its locals, and per vector g the input and the result */
export interface VectorFrame {
  L: Locals;
  groups: number;
  x: number;
  result: number;
  /** a fresh local per interleaved vector (so groups · 1 locals) */
  local: () => number;
}

/**
 * `name(src, dst, vectors)`: dst = f(src) over `vectors` 128-bit vectors (a multiple of `groups`),
 * f being what `steps` compute from frame.x + g into frame.result + g.
 */
export function vectorKernel(name: string, groups: number, steps: (frame: VectorFrame) => ((g: number) => number[])[]): FuncDef {
  const L = new Locals([I32, I32, I32]);
  const [SRC, DST, VECTORS] = [0, 1, 2];
  const P = L.add(I32);
  const frame: VectorFrame = { L, groups, x: L.add(V128, groups), result: L.add(V128, groups), local: () => L.add(V128, groups) };
  const all: ((g: number) => number[])[] = [
    (g) => [GET, SRC, ...v128Load(16 * g), SET, frame.x + g],
    ...steps(frame),
    (g) => [GET, DST, GET, frame.result + g, ...v128Store(16 * g)],
  ];
  const code = whileLoop(
    [GET, P, GET, VECTORS, I32_LT_U],
    [
      ...all.flatMap((step) => Array.from({ length: groups }, (_, g) => step(g)).flat()),
      ...[GET, SRC, ...i32(16 * groups), I32_ADD, SET, SRC],
      ...[GET, DST, ...i32(16 * groups), I32_ADD, SET, DST],
      ...[GET, P, ...i32(groups), I32_ADD, SET, P],
    ],
  );
  return { name, params: [I32, I32, I32], results: [], locals: L.declared, code };
}
