// The mean and biased variance of a contiguous row as ATen 2.6's CPU RowwiseMoments computes them
// (layer_norm): Welford's updates over AVX2 vectors (8 floats, 4 doubles) in chunks of 16 vectors,
// the chunks merged as a cascade (a binary counter of partial moments), the tail after the last
// whole vector by scalar Welford, then the lanes merged into it in order. GCC fuses the vector
// code's multiply-adds (one rounding); the scalar tail's m2 update is not fused. Matched bit for
// bit against PyTorch's mean and rstd on rows of 1 to 300 floats.
import { fmaf } from "../random/float32Math.ts";
import { fma } from "../random/fma.ts";

const CHUNK = 16;
let f32: (v: number) => number = Math.fround;
let fused: (a: number, b: number, c: number) => number = fmaf;
let LANES = 8;

interface Moments {
  m0: number;
  m1: number[];
  m2: number[];
}

/** AddMomentsVec / AddMoments: merge (m0Add, m1Add, m2Add) into acc, lane by lane */
function addMoments(m0Add: number, m1Add: number[], m2Add: number[], acc: Moments): void {
  const n = acc.m0 + m0Add;
  const c = n === 0 ? 0 : f32(m0Add / n);
  const m0 = f32(acc.m0);
  for (let l = 0; l < m1Add.length; l++) {
    const delta = f32(m1Add[l] - acc.m1[l]);
    acc.m1[l] = fused(c, delta, acc.m1[l]);
    // m2 += m2_add + delta*delta*c*m0: the product chain fused into the inner add
    acc.m2[l] = f32(acc.m2[l] + fused(f32(f32(delta * delta) * c), m0, m2Add[l]));
  }
  acc.m0 = n;
}

const zeros = (): Moments => ({ m0: 0, m1: new Array<number>(LANES).fill(0), m2: new Array<number>(LANES).fill(0) });

/** [mean, variance / (N - ddof)] of x[from, from + N), in float32 or float64 */
export function rowwiseMoments(x: ArrayLike<number>, from: number, N: number, float64: boolean, ddof = 0): [number, number] {
  [f32, fused, LANES] = float64 ? [(v: number) => v, fma, 4] : [Math.fround, fmaf, 8];
  const n = Math.floor(N / LANES);
  const m = Math.ceil(n / CHUNK);
  const depth = m <= 1 ? 0 : Math.ceil(Math.log2(m));
  const stack = Array.from({ length: depth }, zeros);
  for (let i = 0; i < m; i++) {
    const base = from + i * CHUNK * LANES;
    const count = Math.min(CHUNK, n - i * CHUNK);
    const m1 = new Array<number>(LANES).fill(0);
    const m2 = new Array<number>(LANES).fill(0);
    for (let j = 0; j < count; j++) {
      const c = f32(1 / (j + 1));
      for (let l = 0; l < LANES; l++) {
        const v = x[base + j * LANES + l];
        const delta = f32(v - m1[l]);
        m1[l] = fused(delta, c, m1[l]);
        m2[l] = fused(delta, f32(v - m1[l]), m2[l]);
      }
    }
    addMoments(count, m1, m2, stack[0] ?? (stack[0] = zeros()));
    let mask = i + 1;
    for (let j = 1; j < depth && (mask & 1) === 0; j++) {
      addMoments(stack[j - 1].m0, stack[j - 1].m1, stack[j - 1].m2, stack[j]);
      stack[j - 1] = zeros();
      mask >>= 1;
    }
  }
  for (let i = 1; i < depth; i++) addMoments(stack[i].m0, stack[i].m1, stack[i].m2, stack[0]);
  const lanes = stack[0] ?? zeros();
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = n * LANES; i < N; i++) {
    const v = x[from + i];
    const delta = f32(v - m1);
    m0++;
    m1 = f32(m1 + f32(delta / m0));
    // the scalar tail is not fused
    m2 = f32(m2 + f32(delta * f32(v - m1)));
  }
  for (let l = 0; l < LANES; l++) {
    const acc = { m0, m1: [m1], m2: [m2] };
    addMoments(n, [lanes.m1[l]], [lanes.m2[l]], acc);
    [m0, m1, m2] = [acc.m0, acc.m1[0], acc.m2[0]];
  }
  return [m1, f32(m2 / (N - ddof))];
}
