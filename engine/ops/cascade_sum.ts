// Float sums in the order ATen's CPU sum kernel (SumKernel.cpp, AVX2) adds them, so
// float32 results agree with PyTorch to the last bit, which `.item()` prints in full.
// Elements are read as data[base + i * stride] (no closures: this is a hot path).
import type { DType } from "../dtype.ts";
import { multiRowSumVectors } from "./wasm/kernels.ts";

const NUM_LEVELS = 4;

/** multi_row_sum: `nrows` interleaved accumulators over `size` rows with 4 cascade levels.
 *  Row i, column k is data[base + i * rowStride + k * colStride]. */
function multiRowSum(
  data: ArrayLike<number>,
  base: number,
  rowStride: number,
  colStride: number,
  nrows: number,
  size: number,
  f32: boolean,
): Float64Array {
  const ceilLog2 = size <= 1 ? 0 : Math.ceil(Math.log2(size));
  const levelPower = Math.max(4, Math.floor(ceilLog2 / NUM_LEVELS));
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  const acc = new Float64Array(NUM_LEVELS * nrows);
  let i = 0;
  for (; i + levelStep <= size; ) {
    for (let j = 0; j < levelStep; j++, i++) {
      const row = base + i * rowStride;
      for (let k = 0; k < nrows; k++) {
        const s = acc[k] + data[row + k * colStride];
        acc[k] = f32 ? Math.fround(s) : s;
      }
    }
    for (let j = 1; j < NUM_LEVELS; j++) {
      for (let k = 0; k < nrows; k++) {
        const s = acc[j * nrows + k] + acc[(j - 1) * nrows + k];
        acc[j * nrows + k] = f32 ? Math.fround(s) : s;
        acc[(j - 1) * nrows + k] = 0;
      }
      // (i & (levelMask << j * levelPower)) != 0
      if (Math.floor(i / 2 ** (j * levelPower)) % (levelMask + 1) !== 0) break;
    }
  }
  for (; i < size; i++) {
    const row = base + i * rowStride;
    for (let k = 0; k < nrows; k++) {
      const s = acc[k] + data[row + k * colStride];
      acc[k] = f32 ? Math.fround(s) : s;
    }
  }
  for (let j = 1; j < NUM_LEVELS; j++)
    for (let k = 0; k < nrows; k++) {
      const s = acc[k] + acc[j * nrows + k];
      acc[k] = f32 ? Math.fround(s) : s;
    }
  return acc.subarray(0, nrows);
}

/** row_sum: four interleaved partial sums (ILP), the tail into the first, then combined */
export function rowSum(data: ArrayLike<number>, base: number, stride: number, size: number, f32: boolean): number {
  const ilp = 4;
  const sizeIlp = Math.floor(size / ilp);
  const partial = multiRowSum(data, base, stride * ilp, stride, ilp, sizeIlp, f32);
  let p0 = partial[0];
  for (let i = sizeIlp * ilp; i < size; i++) {
    const s = p0 + data[base + i * stride];
    p0 = f32 ? Math.fround(s) : s;
  }
  for (let k = 1; k < ilp; k++) {
    const s = p0 + partial[k];
    p0 = f32 ? Math.fround(s) : s;
  }
  return p0;
}

/** below this many elements the JavaScript loop is as quick as copying into the SIMD kernel */
const WASM_FROM = 512;

/** Sum of n contiguous values as ATen's vectorized_inner_sum / scalar_inner_sum would: the SIMD
 *  kernel where the host has it, else the loop below (cascadeSumJs, the reference it is tested on).
 *  `between` is called between chunks of a long run (the run's time budget). */
export function cascadeSum(data: ArrayLike<number>, base: number, n: number, dtype: DType, between: () => void = noop): number {
  const f32 = dtype === "float32";
  const typed = f32 ? data instanceof Float32Array : data instanceof Float64Array;
  if (n >= WASM_FROM && typed) {
    const lanes = f32 ? 8 : 4;
    const vecSize = Math.floor(n / lanes);
    const sizeIlp = Math.floor(vecSize / 4);
    const partial = multiRowSumVectors(data as Float32Array | Float64Array, base, sizeIlp, between);
    if (partial) {
      const r = f32 ? Math.fround : (v: number) => v;
      let acc = 0;
      for (let k = vecSize * lanes; k < n; k++) acc = r(acc + data[base + k]);
      for (let l = 0; l < lanes; l++) {
        // row_sum of lane l: its first partial, the rows after the last group of four, the other partials
        let p0 = partial[l]!;
        for (let i = sizeIlp * 4; i < vecSize; i++) p0 = r(p0 + data[base + l + i * lanes]);
        for (let k = 1; k < 4; k++) p0 = r(p0 + partial[k * lanes + l]!);
        acc = r(acc + p0);
      }
      return acc;
    }
  }
  return cascadeSumJs(data, base, n, dtype);
}
const noop = () => undefined;

export function cascadeSumJs(data: ArrayLike<number>, base: number, n: number, dtype: DType): number {
  const f32 = dtype === "float32";
  const lanes = f32 ? 8 : 4;
  if (n < lanes) return rowSum(data, base, 1, n, f32);
  const vecSize = Math.floor(n / lanes);
  // row_sum over vectors: each lane is an independent row_sum over elements lane, lane+lanes, ...
  let acc = 0;
  for (let k = vecSize * lanes; k < n; k++) {
    const s = acc + data[base + k];
    acc = f32 ? Math.fround(s) : s;
  }
  for (let l = 0; l < lanes; l++) {
    const s = acc + rowSum(data, base + l, lanes, vecSize, f32);
    acc = f32 ? Math.fround(s) : s;
  }
  return acc;
}

/** One column of an outer reduction (the reduced dim is not the last; `inner` contiguous columns
 *  follow it), as cascade_sum's loops take the columns: vectorized_outer_sum (inner >= one vector)
 *  gives blocks of 4 vectors one cascade accumulator per column, then whole vectors and the
 *  scalar tail row_sum's 4 interleaved partial sums; scalar_outer_sum does the same with blocks
 *  of 4 columns. */
export function outerColumnSum(data: ArrayLike<number>, base: number, stride: number, n: number, dtype: DType, column: number, inner: number): number {
  const f32 = dtype === "float32";
  const block = inner >= (f32 ? 8 : 4) ? 4 * (f32 ? 8 : 4) : 4;
  if (column < Math.floor(inner / block) * block) return multiRowSum(data, base, stride, 0, 1, n, f32)[0];
  return rowSum(data, base, stride, n, f32);
}

/** outerColumnSum of `inner` columns at once (column c from data[base + c], into out[o0 + c]): the
 *  columns in whole blocks as one multiRowSum with an accumulator per column, so memory is read row
 *  after row (each column's additions are the ones it gets alone), the rest one by one. */
export function outerColumnsSum(data: ArrayLike<number>, base: number, stride: number, n: number, dtype: DType, inner: number, out: number[], o0: number): void {
  const f32 = dtype === "float32";
  const block = inner >= (f32 ? 8 : 4) ? 4 * (f32 ? 8 : 4) : 4;
  const whole = Math.floor(inner / block) * block;
  if (whole > 0) {
    const sums = multiRowSum(data, base, stride, 1, whole, n, f32);
    for (let c = 0; c < whole; c++) out[o0 + c] = sums[c]!;
  }
  for (let c = whole; c < inner; c++) out[o0 + c] = rowSum(data, base + c, stride, n, f32);
}

/** The sum over several reduced dims that do not coalesce into one (x.sum((0, 2, 3)) of an NCHW
 *  tensor), in the order of ATen's cascade_sum over its TensorIterator: the reduced dims first,
 *  each by increasing stride, then the kept ones; the first two form a 2-d block whose rows
 *  (the first dim, summed as vectorized_inner_sum or scalar_inner_sum) are added one by one into
 *  the output, which the outer dims' blocks keep adding to. `shape`/`dims`: a contiguous tensor's
 *  dims with neighbours of the same kind coalesced and dims of size 1 dropped (at least 2 reduced).
 *  The outputs come in the kept dims' order. */
export function multiDimSum(data: ArrayLike<number>, shape: number[], dims: number[], dtype: DType): number[] {
  const f32 = dtype === "float32";
  const lanes = f32 ? 8 : 4;
  const inStrides = new Array<number>(shape.length);
  for (let i = shape.length - 1, st = 1; i >= 0; st *= shape[i--]) inStrides[i] = st;
  const kept = shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const outStrides = new Array<number>(shape.length).fill(0);
  for (let k = kept.length - 1, st = 1; k >= 0; st *= shape[kept[k--]]) outStrides[kept[k]] = st;
  const order = [...dims.slice().reverse(), ...kept.slice().reverse()];
  const out = new Array<number>(kept.reduce((n, i) => n * shape[i], 1)).fill(0);
  const [d0, d1] = order;
  const size0 = shape[d0];
  const outer = order.slice(2);
  const counter = new Array<number>(outer.length).fill(0);
  for (;;) {
    let inBase = 0;
    let outAt = 0;
    outer.forEach((d, k) => {
      inBase += counter[k] * inStrides[d];
      outAt += counter[k] * outStrides[d];
    });
    for (let j = 0; j < shape[d1]; j++) {
      const row = inBase + j * inStrides[d1];
      const r = inStrides[d0] === 1 && size0 >= lanes ? cascadeSum(data, row, size0, dtype) : rowSum(data, row, inStrides[d0], size0, f32);
      out[outAt] = f32 ? Math.fround(out[outAt] + r) : out[outAt] + r;
    }
    let k = 0;
    for (; k < outer.length; k++) {
      if (++counter[k] < shape[outer[k]]) break;
      counter[k] = 0;
    }
    if (k === outer.length) return out;
  }
}
