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
        // whole vectors: j + lanes <= m
        ...whileLoop(
          [GET, J, ...i32(f.lanes), I32_ADD, GET, M, I32_LE_U],
          [
            ...[GET, OUT, GET, PA, ...v128Load(), GET, PB, ...v128Load(), ...o.vector, ...v128Store()],
            ...add(PA, 16),
            ...add(PB, 16),
            ...add(OUT, 16),
            ...add(J, f.lanes),
          ],
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
    ...whileLoop(
      [GET, J, ...i32(f.lanes), I32_ADD, GET, N, I32_LE_U],
      [...[GET, OUT, ...apply(v128Load(), SV, o.vector), ...v128Store()], ...add(A, 16), ...add(OUT, 16), ...add(J, f.lanes)],
    ),
    ...whileLoop(
      [GET, J, GET, N, I32_LT_U],
      [...[GET, OUT, ...apply(f.load, SS, o.scalar), ...f.store], ...add(A, f.size), ...add(OUT, f.size), ...add(J, 1)],
    ),
  ];
  return { name: `${op}_${f.name}_${left ? "sv" : "vs"}`, params: [I32, I32, I32, F64], results: [], locals: L.declared, code };
}

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

export function binaryKernels(): FuncDef[] {
  return [FLAVOUR_F32, FLAVOUR_F64].flatMap((f) => [
    ...BINARY_OPS.flatMap((op) => [rowsKernel(f, op), scalarKernel(f, op, false), scalarKernel(f, op, true)]),
    gatherKernel(f),
  ]);
}
