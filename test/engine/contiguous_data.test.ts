// A view's elements copied out in row-major order (Tensor.contiguousData, which sums, exp/tanh and
// the other kernels read non-contiguous tensors through): runs along the last dim, checked against
// the element-by-element walk (values()) on strided, transposed, offset, expanded and empty views,
// and long runs that WebAssembly picks out.
import { describe, expect, it } from "vitest";
import * as T from "../../engine/index.ts";
import { fromStorage, makeView, type Tensor } from "../../engine/tensor.ts";

const rt = new T.Runtime();
const base = fromStorage(rt, Float64Array.from({ length: 600 }, (_, i) => i * 1.5 - 7), [600], "float64");
const f32 = fromStorage(rt, Float32Array.from({ length: 600 }, (_, i) => i / 3), [600], "float32");
const big32 = fromStorage(rt, Float32Array.from({ length: 80003 }, (_, i) => Math.sin(i)), [80003], "float32");
const big64 = fromStorage(rt, Float64Array.from({ length: 80003 }, (_, i) => Math.cos(i) * 1e10), [80003], "float64");
const views: [string, Tensor][] = [
  ["every other element", makeView(base, [250], [2], 5)],
  ["a transposed matrix", makeView(base, [20, 30], [1, 20], 0)],
  ["columns of a matrix, from an offset", makeView(base, [10, 7], [30, 1], 33)],
  ["a 3-d view with a broadcast dim", makeView(base, [4, 3, 5], [0, 50, 2], 1)],
  ["an expanded element", makeView(base, [3, 4], [0, 0], 9)],
  ["a 0-d view", makeView(base, [], [], 17)],
  ["an empty view", makeView(base, [0, 4], [4, 1], 0)],
  ["float32 rows from an offset", makeView(f32, [5, 40], [100, 1], 10)],
  ["float32, stride 3", makeView(f32, [199], [3], 2)],
  // long runs with a step of 2..8 are picked out in WebAssembly, in chunks of the span
  ["float32, long, stride 2, past a chunk", makeView(big32, [40001], [2], 1)],
  ["float32, long, stride 3, past a chunk", makeView(big32, [26000], [3], 2)],
  ["float64, long, stride 8, past chunks", makeView(big64, [10000], [8], 7)],
  ["float64, long rows with stride 2", makeView(big64, [3, 2000], [20000, 2], 5)],
  ["float64, long, stride 2, past a chunk", makeView(big64, [33001], [2], 3)],
  ["float32, stride 2, a tail after the last vector", makeView(big32, [1027], [2], 0)],
  ["float32, stride 9 (the plain loop)", makeView(big32, [8000], [9], 0)],
];

describe("contiguousData of a view", () => {
  for (const [what, v] of views)
    it(`is its elements in row-major order: ${what}`, () => {
      const data = v.contiguousData();
      expect(data.constructor).toBe(v.storage.data.constructor);
      expect(Array.from(data)).toEqual(v.values());
    });
});
