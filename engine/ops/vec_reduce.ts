// How ATen's vectorised CPU kernels add up a run of numbers (vec::reduce_all / map_reduce_all):
// what softmax, log_softmax and their gradients need to print PyTorch's last digits.

/**
 * The sum of a run as ATen's vec::reduce_all adds it: vector-wide partial sums over lanes (8 floats,
 * 4 doubles; a short tail adds into the first lanes), then the lanes folded: floats in halves as the
 * AVX2 shuffles do, doubles in order; a run shorter than a vector adds its elements in order.
 */
export function laneSum(e: ArrayLike<number>, lanes: number, r: (v: number) => number): number {
  const n = e.length;
  if (n < lanes) {
    let s = e[0] ?? 0;
    for (let i = 1; i < n; i++) s = r(s + e[i]!);
    return s;
  }
  const acc = Array.from({ length: lanes }, (_, l) => e[l]!);
  let d = lanes;
  for (; d < n - (n % lanes); d += lanes) for (let l = 0; l < lanes; l++) acc[l] = r(acc[l]! + e[d + l]!);
  for (let l = 0; d + l < n; l++) acc[l] = r(acc[l]! + e[d + l]!);
  if (lanes === 4) return acc.reduce((a, b) => r(a + b));
  for (let half = lanes / 2; half >= 1; half /= 2) for (let l = 0; l < half; l++) acc[l] = r(acc[l]! + acc[l + half]!);
  return acc[0]!;
}

/** the inner block ATen's non-last-dim log_softmax kernels walk: 128 KB of one dim's values, whole vectors */
export const innerChunk = (dimSize: number, dtype: string, lanes: number): number =>
  Math.max(Math.floor(Math.floor((128 * 1024) / dimSize / (dtype === "float64" ? 8 : 4)) / lanes) * lanes, lanes);

/** whether inner position i of innerSize falls in one of the whole vectors a non-last-dim kernel runs
 *  (the others go through its scalar loop), blocks of `chunk` positions starting afresh */
export function inVector(i: number, innerSize: number, lanes: number, chunk = Infinity): boolean {
  const begin = Number.isFinite(chunk) ? Math.floor(i / chunk) * chunk : 0;
  const size = Math.min(chunk, innerSize - begin);
  return i - begin < size - (size % lanes);
}

/**
 * A whole contiguous run reduced as ATen's binary_kernel_reduce_vec does (prod): blocks of four
 * vectors (32 floats, 16 doubles) folded lane by lane into four accumulators, those combined as
 * (a0·a1)·(a2·a3), the lanes then in order, then the elements after the last whole block in order.
 */
export function blockReduce(e: ArrayLike<number>, lanes: number, ident: number, op: (a: number, b: number) => number): number {
  const n = e.length;
  const block = 4 * lanes;
  const count = Math.floor(n / block);
  let out = ident;
  if (count > 0) {
    const acc = Array.from({ length: block }, (_, j) => e[j]!);
    for (let i = 1; i < count; i++) for (let j = 0; j < block; j++) acc[j] = op(acc[j]!, e[i * block + j]!);
    const lane = Array.from({ length: lanes }, (_, l) => op(op(acc[l]!, acc[lanes + l]!), op(acc[2 * lanes + l]!, acc[3 * lanes + l]!)));
    let b = lane[0]!;
    for (let l = 1; l < lanes; l++) b = op(b, lane[l]!);
    out = op(out, b);
  }
  for (let i = count * block; i < n; i++) out = op(out, e[i]!);
  return out;
}
