// The frame of our float32 math kernels (expf_wasm.ts, tanhf_wasm.ts): two float32 elements at a
// time, each widened into a float64 lane, several pairs interleaved per loop step so one pair's
// long chain of dependent steps overlaps the others', and a list of the pairs the kernel could not
// vouch for (a flag set in either lane), which the scalar reference function then recomputes.
import { END, GET, I32, I32_ADD, I32_LT_U, I32_SHL, IF, Locals, SET, V128, VOID, f64x2Const, i32, i64x2Const, simd, whileLoop, type FuncDef } from "./encode.ts";

export const MUL = simd(242);
export const ADD = simd(240);
export const SUB = simd(241);
export const DIV = simd(243);
export const ABS = simd(236);
export const AND = simd(78);
export const OR = simd(80);
export const BITSELECT = simd(82);
export const I64_EQ = simd(214);
export const I64_SHL = simd(203);
export const I64_SUB = simd(209);
export const F64_EQ = simd(71);
export const F64_NE = simd(72);
export const F64_LT = simd(73);
export const F64_GT = simd(74);
export const F64_LE = simd(75);
export const F64_GE = simd(76);
export const NEAREST = simd(148);
export const FLOOR = simd(117);
export const NOT = simd(77);
/** round each float64 lane to float32 and back */
export const ROUND32 = [...simd(94), ...simd(95)];
export const ZERO = simd(12, ...new Array<number>(16).fill(0));
/** a float32 constant in both lanes */
export const k32 = (x: number): number[] => f64x2Const(Math.fround(x));
export const k64 = f64x2Const;
/** 2^e for a whole float64 e in [-1022, 1023] (on the stack), built in the exponent field */
export const pow2 = (e: number[]): number[] => [...e, ...f64x2Const(1023 + 2 ** 52), ...ADD, ...i32(52), ...I64_SHL];

const LOAD_PAIR = (offset: number) => simd(93, 3, offset); // v128.load64_zero
const STORE_PAIR = (offset: number) => simd(91, 3, offset, 0); // v128.store64_lane, lane 0
const I32_STORE = [0x36, 2, 0];
const I32_MUL = 0x6c;
const I32_OR = 0x72;

/** what a kernel's steps see: its locals, and per pair g the input x, the result and the flag */
export interface PairFrame {
  L: Locals;
  groups: number;
  /** locals holding the pair's input (float32 values in float64 lanes), result, and flag mask */
  x: number;
  result: number;
  flag: number;
}

/**
 * `name(src, dst, pairs, list) -> count`: dst[i] = f(src[i]) for i < 2·pairs (pairs a multiple of
 * `groups`), f being what `steps` compute from frame.x + g into frame.result + g; every pair whose
 * flag has a bit set is listed at list as index · 4 + lanes flagged, and their number returned.
 */
export function pairKernel(name: string, groups: number, steps: (frame: PairFrame) => ((g: number) => number[])[]): FuncDef {
  const L = new Locals([I32, I32, I32, I32]);
  const [SRC, DST, PAIRS, LIST] = [0, 1, 2, 3];
  const [P, COUNT] = [L.add(I32), L.add(I32)];
  const frame: PairFrame = { L, groups, x: L.add(V128, groups), result: L.add(V128, groups), flag: L.add(V128, groups) };
  const all: ((g: number) => number[])[] = [
    (g) => [GET, SRC, ...LOAD_PAIR(8 * g), ...simd(95), SET, frame.x + g, ...ZERO, SET, frame.flag + g],
    ...steps(frame),
    (g) => [GET, DST, GET, frame.result + g, ...simd(94), ...STORE_PAIR(8 * g)],
    (g) => [
      ...[GET, frame.flag + g, ...simd(83) /* v128.any_true */, IF, VOID],
      // (pair index) · 4 + which lanes (bit 0: the first, bit 1: the second)
      ...[GET, LIST, GET, COUNT, ...i32(4), I32_MUL, I32_ADD],
      ...[GET, P, ...i32(g), I32_ADD, ...i32(2), I32_SHL, GET, frame.flag + g, ...simd(196) /* i64x2.bitmask */, I32_OR, ...I32_STORE],
      ...[GET, COUNT, ...i32(1), I32_ADD, SET, COUNT],
      END,
    ],
  ];
  const code = [
    ...whileLoop(
      [GET, P, GET, PAIRS, I32_LT_U],
      [
        ...all.flatMap((step) => Array.from({ length: groups }, (_, g) => step(g)).flat()),
        ...[GET, SRC, ...i32(8 * groups), I32_ADD, SET, SRC],
        ...[GET, DST, ...i32(8 * groups), I32_ADD, SET, DST],
        ...[GET, P, ...i32(groups), I32_ADD, SET, P],
      ],
    ),
    GET, COUNT,
  ];
  return { name, params: [I32, I32, I32, I32], results: [I32], locals: L.declared, code };
}

/** the float64 bits of a value exactly halfway between two float32 values, below bit 29 */
export const MID_MASK = i64x2Const(0, 0x1fffffff);
export const MID = i64x2Const(0, 0x10000000);
