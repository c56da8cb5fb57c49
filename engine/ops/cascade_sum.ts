// Float sums in the order ATen's CPU sum kernel (SumKernel.cpp, AVX2) adds them, so
// float32 results agree with PyTorch to the last bit, which `.item()` prints in full.
import type { DType } from "../dtype.ts";

type Round = (x: number) => number;
const id: Round = (x) => x;

/** multi_row_sum: nrows interleaved accumulators with 4 cascade levels */
function multiRowSum(get: (i: number, k: number) => number, nrows: number, size: number, r: Round): number[] {
  const numLevels = 4;
  const ceilLog2 = size <= 1 ? 0 : Math.ceil(Math.log2(size));
  const levelPower = Math.max(4, Math.floor(ceilLog2 / numLevels));
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  const acc: number[][] = Array.from({ length: numLevels }, () => new Array<number>(nrows).fill(0));
  let i = 0;
  for (; i + levelStep <= size; ) {
    for (let j = 0; j < levelStep; j++, i++) for (let k = 0; k < nrows; k++) acc[0][k] = r(acc[0][k] + get(i, k));
    for (let j = 1; j < numLevels; j++) {
      for (let k = 0; k < nrows; k++) {
        acc[j][k] = r(acc[j][k] + acc[j - 1][k]);
        acc[j - 1][k] = 0;
      }
      // (i & (levelMask << j * levelPower)) != 0
      if (Math.floor(i / 2 ** (j * levelPower)) % (levelMask + 1) !== 0) break;
    }
  }
  for (; i < size; i++) for (let k = 0; k < nrows; k++) acc[0][k] = r(acc[0][k] + get(i, k));
  for (let j = 1; j < numLevels; j++) for (let k = 0; k < nrows; k++) acc[0][k] = r(acc[0][k] + acc[j][k]);
  return acc[0];
}

/** row_sum: four interleaved partial sums (ILP), the tail into the first, then combined */
function rowSum(get: (i: number) => number, size: number, r: Round): number {
  const ilp = 4;
  const sizeIlp = Math.floor(size / ilp);
  const partial = multiRowSum((i, k) => get(i * ilp + k), ilp, sizeIlp, r);
  for (let i = sizeIlp * ilp; i < size; i++) partial[0] = r(partial[0] + get(i));
  for (let k = 1; k < ilp; k++) partial[0] = r(partial[0] + partial[k]);
  return partial[0];
}

/** Sum of n contiguous values as ATen's vectorized_inner_sum / scalar_inner_sum would. */
export function cascadeSum(values: ArrayLike<number>, start: number, n: number, dtype: DType): number {
  const r: Round = dtype === "float32" ? Math.fround : id;
  const lanes = dtype === "float32" ? 8 : 4;
  if (n < lanes) return rowSum((i) => values[start + i], n, r);
  const vecSize = Math.floor(n / lanes);
  // row_sum over vectors: each lane is an independent row_sum over elements lane, lane+lanes, ...
  const ilp = 4;
  const sizeIlp = Math.floor(vecSize / ilp);
  const perLane = new Array<number>(lanes);
  for (let l = 0; l < lanes; l++) {
    const lane = (v: number) => values[start + v * lanes + l];
    const partial = multiRowSum((i, k) => lane(i * ilp + k), ilp, sizeIlp, r);
    for (let v = sizeIlp * ilp; v < vecSize; v++) partial[0] = r(partial[0] + lane(v));
    for (let k = 1; k < ilp; k++) partial[0] = r(partial[0] + partial[k]);
    perLane[l] = partial[0];
  }
  let acc = 0;
  for (let k = vecSize * lanes; k < n; k++) acc = r(acc + values[start + k]);
  for (let l = 0; l < lanes; l++) acc = r(acc + perLane[l]);
  return acc;
}

/** Sum along a strided run (outer reductions): sequential with cascade levels, as multi_row_sum. */
export function stridedSum(get: (i: number) => number, n: number, dtype: DType): number {
  const r: Round = dtype === "float32" ? Math.fround : id;
  return multiRowSum((i) => get(i), 1, n, r)[0];
}
