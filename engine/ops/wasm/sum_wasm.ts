// The heart of ATen's AVX2 float sum (cascade_sum.ts's multiRowSum over whole vectors) as a
// WebAssembly SIMD kernel: four interleaved rows of one 256-bit vector each (8 floats or 4 doubles,
// two v128 halves), each with 4 cascade levels. Every lane adds in the scalar code's order with one
// IEEE add per step, so the partial sums are bit for bit the JavaScript loop's.
import {
  BLOCK, BR_IF, END, GET, I32, I32_ADD, I32_AND, I32_LT_U, I32_SHL, I32_SUB, Locals, SET, V128, VOID,
  i32, simd, v128Load, v128Store, whileLoop, type FuncDef,
} from "./encode.ts";

const LEVELS = 4;
const ROWS = 4;
/** one row of the interleaved sum: 4 vectors of 256 bits */
export const ROW_BYTES = 128;
/** the accumulators kept in memory between chunks: level j, row k, lane l at ((j·4 + k)·lanes + l) */
export const SUM_STATE_BYTES = LEVELS * ROWS * 32;

const ZERO = simd(12, ...new Array<number>(16).fill(0));

/**
 * `sum_{f}(ptr, i0, groups, rest, levelPower, state)`: `groups` groups of 2^levelPower rows from
 * `ptr`, each followed by the cascade's carry (level j takes level j-1 while the absolute row
 * index i, which starts at i0, has its level-(j-1) bits all zero), then `rest` rows into level 0.
 * The 32 accumulators are read from and written back to `state`.
 */
function sumKernel(name: "f32" | "f64"): FuncDef {
  const vadd = name === "f32" ? simd(228) : simd(240);
  const L = new Locals([I32, I32, I32, I32, I32, I32]);
  const [PTR, I, GROUPS, REST, POWER, STATE] = [0, 1, 2, 3, 4, 5];
  const [G, J, STEP, MASK] = [L.add(I32), L.add(I32), L.add(I32), L.add(I32)];
  const ACC = L.add(V128, LEVELS * 8);
  const acc = (level: number, v: number) => ACC + level * 8 + v;
  const each = (f: (v: number) => number[]) => Array.from({ length: 8 }, (_, v) => f(v)).flat();
  const addRow = [
    ...each((v) => [GET, acc(0, v), GET, PTR, ...v128Load(16 * v), ...vadd, SET, acc(0, v)]),
    ...[GET, PTR, ...i32(ROW_BYTES), I32_ADD, SET, PTR],
    ...[GET, I, ...i32(1), I32_ADD, SET, I],
  ];
  const carry = (level: number) => [
    ...each((v) => [GET, acc(level, v), GET, acc(level - 1, v), ...vadd, SET, acc(level, v), ...ZERO, SET, acc(level - 1, v)]),
  ];
  // ((i >> (level · power)) & mask) != 0 leaves the carry chain
  const stopAfter = (level: number) => [GET, I, GET, POWER, ...i32(level), 0x6c /* i32.mul */, 0x75 /* i32.shr_s */, GET, MASK, I32_AND, BR_IF, 0];
  const code = [
    ...[...i32(1), GET, POWER, I32_SHL, SET, STEP],
    ...[GET, STEP, ...i32(1), I32_SUB, SET, MASK],
    ...Array.from({ length: LEVELS * 8 }, (_, k) => [GET, STATE, ...v128Load(16 * k), SET, ACC + k]).flat(),
    ...whileLoop(
      [GET, G, GET, GROUPS, I32_LT_U],
      [
        ...[...i32(0), SET, J],
        ...whileLoop([GET, J, GET, STEP, I32_LT_U], [...addRow, GET, J, ...i32(1), I32_ADD, SET, J]),
        ...[BLOCK, VOID, ...carry(1), ...stopAfter(1), ...carry(2), ...stopAfter(2), ...carry(3), END],
        ...[GET, G, ...i32(1), I32_ADD, SET, G],
      ],
    ),
    ...[...i32(0), SET, J],
    ...whileLoop([GET, J, GET, REST, I32_LT_U], [...addRow, GET, J, ...i32(1), I32_ADD, SET, J]),
    ...Array.from({ length: LEVELS * 8 }, (_, k) => [GET, STATE, GET, ACC + k, ...v128Store(16 * k)]).flat(),
  ];
  return { name: `sum_${name}`, params: [I32, I32, I32, I32, I32, I32], results: [], locals: L.declared, code };
}

export const sumKernels = (): FuncDef[] => [sumKernel("f32"), sumKernel("f64")];
