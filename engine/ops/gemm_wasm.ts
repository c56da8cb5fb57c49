// The bytes of a small WebAssembly module with SIMD matrix-product kernels, written out here
// opcode by opcode (no toolchain needed). Each output element is still accumulated in k order
// with one rounded multiply and one rounded add per step, exactly as reference BLAS does;
// SIMD only computes 4 (float32) or 2 (float64) neighbouring columns at once, so results are
// bit for bit those of the scalar loop.
import { BLOCK, BR, BR_IF, END, GET, I32, I32_ADD, I32_GE_U, I32_GT_U, I32_MUL, LOOP, SET, V128, VOID, i32, name, section, simd, uleb, vec } from "./wasm/encode.ts";

/** exports: gemm_f32(a, b, c, n, k, m) and gemm_f64(...) over byte offsets into `memory`,
 *  C[n][m] = A[n][k] · B[k][m], all row-major and contiguous */
export function gemmModuleBytes(): Uint8Array<ArrayBuffer> {
  const type = [0x60, 6, ...Array(6).fill(I32), 0];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([type])),
    ...section(3, vec([[0], [0]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(
      7,
      vec([
        [...name("gemm_f32"), 0x00, 0],
        [...name("gemm_f64"), 0x00, 1],
        [...name("memory"), 0x02, 0],
      ]),
    ),
    ...section(10, vec([funcBody(F32), funcBody(F64)])),
  ]);
}

/** what differs between the float32 and float64 kernels */
interface Flavour {
  size: number; // bytes per element
  lanes: number; // elements per 128-bit vector
  scalar: number; // value type of one element
  load: number[];
  store: number[];
  add: number[];
  mul: number[];
  splat: number[];
  vadd: number[];
  vmul: number[];
}
const F32: Flavour = {
  size: 4,
  lanes: 4,
  scalar: 0x7d,
  load: [0x2a, 2, 0],
  store: [0x38, 2, 0],
  add: [0x92],
  mul: [0x94],
  splat: simd(19),
  vadd: simd(228),
  vmul: simd(230),
};
const F64: Flavour = {
  size: 8,
  lanes: 2,
  scalar: 0x7c,
  load: [0x2b, 3, 0],
  store: [0x39, 3, 0],
  add: [0xa0],
  mul: [0xa2],
  splat: simd(20),
  vadd: simd(240),
  vmul: simd(242),
};

// locals: the six parameters, then the loop state, then the accumulators
const [A, B, C, N, K, M] = [0, 1, 2, 3, 4, 5];
const [I, J, L, AP, BP, STRIDE, S] = [6, 7, 8, 9, 10, 11, 12];
const ACC = 13; // WIDE vector accumulators from here; then one scalar accumulator
const WIDE = 4;
const SCALAR_ACC = ACC + WIDE;

function funcBody(f: Flavour): number[] {
  const locals = vec([
    [...uleb(6), I32],
    [...uleb(1), V128], // S: the splatted A[i][l]
    [...uleb(WIDE), V128],
    [...uleb(1), f.scalar],
  ]);
  const code = [
    ...[GET, M, ...i32(f.size), I32_MUL, SET, STRIDE],
    ...[...i32(0), SET, I],
    ...[BLOCK, VOID, LOOP, VOID],
    ...[GET, I, GET, N, I32_GE_U, BR_IF, 1],
    ...[...i32(0), SET, J],
    ...columns(f, WIDE),
    ...columns(f, 1),
    ...columns(f, 0),
    ...[GET, I, ...i32(1), I32_ADD, SET, I],
    ...[BR, 0, END, END],
    END,
  ];
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/** while j + width·lanes <= m: the output columns j.. of row i, `vectors` vectors at a time
 *  (0 = one element at a time, for the last columns) */
function columns(f: Flavour, vectors: number): number[] {
  const step = vectors === 0 ? 1 : vectors * f.lanes;
  const accs = vectors === 0 ? [SCALAR_ACC] : Array.from({ length: vectors }, (_, v) => ACC + v);
  const zero = vectors === 0 ? [...i32(0), ...(f.size === 4 ? [0xb2] : [0xb7])] : [0xfd, 12, ...Array(16).fill(0)];
  const perStep =
    vectors === 0
      ? [GET, SCALAR_ACC, GET, AP, ...f.load, GET, BP, ...f.load, ...f.mul, ...f.add, SET, SCALAR_ACC]
      : [
          ...[GET, AP, ...f.load, ...f.splat, SET, S],
          ...accs.flatMap((acc, v) => [
            ...[GET, acc, GET, S, GET, BP, 0xfd, 0, 4, ...uleb(16 * v)],
            ...f.vmul,
            ...f.vadd,
            ...[SET, acc],
          ]),
        ];
  const store = (acc: number, v: number) =>
    vectors === 0
      ? [GET, BP, GET, acc, ...f.store]
      : [GET, BP, GET, acc, 0xfd, 11, 4, ...uleb(16 * v)];
  return [
    ...[BLOCK, VOID, LOOP, VOID],
    ...[GET, J, ...i32(step), I32_ADD, GET, M, I32_GT_U, BR_IF, 1],
    ...accs.flatMap((acc) => [...zero, SET, acc]),
    // ap = a + i·k·size; bp = b + j·size
    ...[GET, A, GET, I, GET, K, I32_MUL, ...i32(f.size), I32_MUL, I32_ADD, SET, AP],
    ...[GET, B, GET, J, ...i32(f.size), I32_MUL, I32_ADD, SET, BP],
    ...[...i32(0), SET, L],
    ...[BLOCK, VOID, LOOP, VOID],
    ...[GET, L, GET, K, I32_GE_U, BR_IF, 1],
    ...perStep,
    ...[GET, AP, ...i32(f.size), I32_ADD, SET, AP],
    ...[GET, BP, GET, STRIDE, I32_ADD, SET, BP],
    ...[GET, L, ...i32(1), I32_ADD, SET, L],
    ...[BR, 0, END, END],
    // bp = c + (i·m + j)·size, then store the accumulators there
    ...[GET, C, GET, I, GET, M, I32_MUL, GET, J, I32_ADD, ...i32(f.size), I32_MUL, I32_ADD, SET, BP],
    ...accs.flatMap((acc, v) => store(acc, v)),
    ...[GET, J, ...i32(step), I32_ADD, SET, J],
    ...[BR, 0, END, END],
  ];
}
