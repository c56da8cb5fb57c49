// WebAssembly SIMD kernels for add, sub, mul and div of float32 / float64 arrays. Each lane does
// the one IEEE operation the scalar loop does on that element (float32 ops round to float32 as
// JavaScript's store into a Float32Array does), so results are bit for bit the scalar loop's.
import { F32, F64, GET, I32, I32_ADD, I32_LE_U, I32_LT_U, Locals, SET, V128, i32, simd, v128Load, v128Store, whileLoop, type FuncDef } from "./encode.ts";

export type BinaryOp = "add" | "sub" | "mul" | "div";
export const BINARY_OPS: BinaryOp[] = ["add", "sub", "mul", "div"];

/** what differs between the float32 and float64 kernels */
export interface Flavour {
  name: "f32" | "f64";
  size: number;
  lanes: number;
  scalar: number;
  load: number[];
  store: number[];
  splat: number[];
  ops: Record<BinaryOp, { scalar: number[]; vector: number[] }>;
  /** converts the f64 parameter holding a scalar to the element type (exact: it is one already) */
  fromF64: number[];
}

export const FLAVOUR_F32: Flavour = {
  name: "f32",
  size: 4,
  lanes: 4,
  scalar: F32,
  load: [0x2a, 2, 0],
  store: [0x38, 2, 0],
  splat: simd(19),
  ops: {
    add: { scalar: [0x92], vector: simd(228) },
    sub: { scalar: [0x93], vector: simd(229) },
    mul: { scalar: [0x94], vector: simd(230) },
    div: { scalar: [0x95], vector: simd(231) },
  },
  fromF64: [0xb6],
};

export const FLAVOUR_F64: Flavour = {
  name: "f64",
  size: 8,
  lanes: 2,
  scalar: F64,
  load: [0x2b, 3, 0],
  store: [0x39, 3, 0],
  splat: simd(20),
  ops: {
    add: { scalar: [0xa0], vector: simd(240) },
    sub: { scalar: [0xa1], vector: simd(241) },
    mul: { scalar: [0xa2], vector: simd(242) },
    div: { scalar: [0xa3], vector: simd(243) },
  },
  fromF64: [],
};

const add = (local: number, bytes: number) => [GET, local, ...i32(bytes), I32_ADD, SET, local];
/** vectors per step of the contiguous loops (fewer pointer updates and branches per vector) */
const UNROLL = 4;
const times = (k: number, f: (v: number) => number[]): number[] => Array.from({ length: k }, (_, v) => f(v)).flat();

/** `{op}_{f}_rows(a, aStep, b, bStep, out, rows, m)`: for each of `rows` rows, out[j] = a[j] op b[j]
 *  for j < m, then a and b move on by aStep and bStep bytes (0 repeats a row) and out by m elements */
function rowsKernel(f: Flavour, op: BinaryOp): FuncDef {
  const L = new Locals([I32, I32, I32, I32, I32, I32, I32]);
  const [A, ASTEP, B, BSTEP, OUT, ROWS, M] = [0, 1, 2, 3, 4, 5, 6];
  const [PA, PB, J, R] = [L.add(I32), L.add(I32), L.add(I32), L.add(I32)];
  const o = f.ops[op];
  const code = [
    ...whileLoop(
      [GET, R, GET, ROWS, I32_LT_U],
      [
        ...[GET, A, SET, PA, GET, B, SET, PB, ...i32(0), SET, J],
        // UNROLL vectors at a time, then whole vectors: j + lanes <= m
        ...[UNROLL, 1].flatMap((k) =>
          whileLoop(
            [GET, J, ...i32(k * f.lanes), I32_ADD, GET, M, I32_LE_U],
            [
              ...times(k, (v) => [GET, OUT, GET, PA, ...v128Load(16 * v), GET, PB, ...v128Load(16 * v), ...o.vector, ...v128Store(16 * v)]),
              ...add(PA, 16 * k),
              ...add(PB, 16 * k),
              ...add(OUT, 16 * k),
              ...add(J, k * f.lanes),
            ],
          ),
        ),
        // the elements after the last whole vector
        ...whileLoop(
          [GET, J, GET, M, I32_LT_U],
          [
            ...[GET, OUT, GET, PA, ...f.load, GET, PB, ...f.load, ...o.scalar, ...f.store],
            ...add(PA, f.size),
            ...add(PB, f.size),
            ...add(OUT, f.size),
            ...add(J, 1),
          ],
        ),
        ...[GET, A, GET, ASTEP, I32_ADD, SET, A],
        ...[GET, B, GET, BSTEP, I32_ADD, SET, B],
        ...add(R, 1),
      ],
    ),
  ];
  return { name: `${op}_${f.name}_rows`, params: [I32, I32, I32, I32, I32, I32, I32], results: [], locals: L.declared, code };
}

/** `{op}_{f}_scalar(a, out, n, s, left)`: out[i] = a[i] op s, or s op a[i] when left is 1 */
function scalarKernel(f: Flavour, op: BinaryOp, left: boolean): FuncDef {
  const L = new Locals([I32, I32, I32, F64]);
  const [A, OUT, N, S] = [0, 1, 2, 3];
  const [J, SV, SS] = [L.add(I32), L.add(V128), L.add(f.scalar)];
  const o = f.ops[op];
  const apply = (load: number[], s: number, opcode: number[]) =>
    left ? [GET, s, GET, A, ...load, ...opcode] : [GET, A, ...load, GET, s, ...opcode];
  const code = [
    ...[GET, S, ...f.fromF64, SET, SS, GET, SS, ...f.splat, SET, SV],
    ...[UNROLL, 1].flatMap((k) =>
      whileLoop(
        [GET, J, ...i32(k * f.lanes), I32_ADD, GET, N, I32_LE_U],
        [
          ...times(k, (v) => [GET, OUT, ...apply(v128Load(16 * v), SV, o.vector), ...v128Store(16 * v)]),
          ...add(A, 16 * k),
          ...add(OUT, 16 * k),
          ...add(J, k * f.lanes),
        ],
      ),
    ),
    ...whileLoop(
      [GET, J, GET, N, I32_LT_U],
      [...[GET, OUT, ...apply(f.load, SS, o.scalar), ...f.store], ...add(A, f.size), ...add(OUT, f.size), ...add(J, 1)],
    ),
  ];
  return { name: `${op}_${f.name}_${left ? "sv" : "vs"}`, params: [I32, I32, I32, F64], results: [], locals: L.declared, code };
}

/** the steps (in elements) the vector loop of stepsKernel reads directly: a number repeated, a
 *  contiguous run, every other element */
export const VECTOR_STEPS = [0, 1, 2] as const;
type VectorStep = (typeof VECTOR_STEPS)[number];

/** i8x16.shuffle of two vectors keeping their even elements (lanes 0, 2 of each; 4 or 8 bytes wide) */
const evens = (size: number): number[] => {
  const bytes: number[] = [];
  for (let e = 0; e < 16 / size; e++) for (let k = 0; k < size; k++) bytes.push(2 * e * size + k);
  return simd(13, ...bytes);
};

/**
 * `{op}_{f}_steps(a, aStep, b, bStep, out, n)`: out[j] = the element at a + j·aStep bytes op the
 * one at b + j·bStep bytes, for j < n, one element at a time (a step of 0 repeats one element).
 * With `vector` = [sa, sb] the kernel is `{op}_{f}_v{sa}{sb}`, for those element steps only: whole
 * vectors first (a step-2 operand's vector is the even elements of two loads, so it may read one
 * element past its last), then the rest one at a time.
 */
function stepsKernel(f: Flavour, op: BinaryOp, vector?: [VectorStep, VectorStep]): FuncDef {
  const L = new Locals([I32, I32, I32, I32, I32, I32]);
  const [A, ASTEP, B, BSTEP, OUT, N] = [0, 1, 2, 3, 4, 5];
  const J = L.add(I32);
  const o = f.ops[op];
  const code: number[] = [];
  if (vector) {
    const [VA, VB] = [L.add(V128), L.add(V128)];
    const read = (p: number, v: number, step: VectorStep) =>
      step === 0 ? [GET, v] : step === 1 ? [GET, p, ...v128Load()] : [GET, p, ...v128Load(), GET, p, ...v128Load(16), ...evens(f.size)];
    const splat = (p: number, v: number, step: VectorStep) => (step === 0 ? [GET, p, ...f.load, ...f.splat, SET, v] : []);
    code.push(
      ...splat(A, VA, vector[0]),
      ...splat(B, VB, vector[1]),
      ...whileLoop(
        [GET, J, ...i32(f.lanes), I32_ADD, GET, N, I32_LE_U],
        [
          ...[GET, OUT, ...read(A, VA, vector[0]), ...read(B, VB, vector[1]), ...o.vector, ...v128Store()],
          ...add(A, 16 * vector[0]),
          ...add(B, 16 * vector[1]),
          ...add(OUT, 16),
          ...add(J, f.lanes),
        ],
      ),
    );
  }
  code.push(
    ...whileLoop(
      [GET, J, GET, N, I32_LT_U],
      [
        ...[GET, OUT, GET, A, ...f.load, GET, B, ...f.load, ...o.scalar, ...f.store],
        ...[GET, A, GET, ASTEP, I32_ADD, SET, A],
        ...[GET, B, GET, BSTEP, I32_ADD, SET, B],
        ...add(OUT, f.size),
        ...add(J, 1),
      ],
    ),
  );
  const name = vector ? `${op}_${f.name}_v${vector[0]}${vector[1]}` : `${op}_${f.name}_steps`;
  return { name, params: [I32, I32, I32, I32, I32, I32], results: [], locals: L.declared, code };
}

/** stepsKernel for every op, the general one and one per pair of vector steps */
const stepsKernels = (f: Flavour, op: BinaryOp): FuncDef[] => [
  stepsKernel(f, op),
  ...VECTOR_STEPS.flatMap((sa) => VECTOR_STEPS.map((sb) => stepsKernel(f, op, [sa, sb]))),
];

/** `gather_{f}(src, dst, n, step)`: dst[i] = the element at src + i·step bytes, for i < n */
function gatherKernel(f: Flavour): FuncDef {
  const L = new Locals([I32, I32, I32, I32]);
  const [SRC, DST, N, STEP] = [0, 1, 2, 3];
  const J = L.add(I32);
  const code = whileLoop(
    [GET, J, GET, N, I32_LT_U],
    [...[GET, DST, GET, SRC, ...f.load, ...f.store], ...[GET, SRC, GET, STEP, I32_ADD, SET, SRC], ...add(DST, f.size), ...add(J, 1)],
  );
  return { name: `gather_${f.name}`, params: [I32, I32, I32, I32], results: [], locals: L.declared, code };
}

/** `gather2_{f}(src, dst, n)`: dst[i] = the element at src + 2i elements, for i < n; a vector at a
 *  time (the even elements of two loads, so it may read one element past the last) */
function gatherEveryOtherKernel(f: Flavour): FuncDef {
  const L = new Locals([I32, I32, I32]);
  const [SRC, DST, N] = [0, 1, 2];
  const J = L.add(I32);
  const code = [
    ...whileLoop(
      [GET, J, ...i32(f.lanes), I32_ADD, GET, N, I32_LE_U],
      [...[GET, DST, GET, SRC, ...v128Load(), GET, SRC, ...v128Load(16), ...evens(f.size), ...v128Store()], ...add(SRC, 32), ...add(DST, 16), ...add(J, f.lanes)],
    ),
    ...whileLoop(
      [GET, J, GET, N, I32_LT_U],
      [...[GET, DST, GET, SRC, ...f.load, ...f.store], ...add(SRC, 2 * f.size), ...add(DST, f.size), ...add(J, 1)],
    ),
  ];
  return { name: `gather2_${f.name}`, params: [I32, I32, I32], results: [], locals: L.declared, code };
}

export function binaryKernels(): FuncDef[] {
  return [FLAVOUR_F32, FLAVOUR_F64].flatMap((f) => [
    ...BINARY_OPS.flatMap((op) => [rowsKernel(f, op), scalarKernel(f, op, false), scalarKernel(f, op, true), ...stepsKernels(f, op)]),
    gatherKernel(f),
    gatherEveryOtherKernel(f),
  ]);
}
