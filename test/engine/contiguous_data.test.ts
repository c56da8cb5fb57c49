// A view's elements copied out in row-major order (Tensor.contiguousData, which sums, exp/tanh and
// the other kernels read non-contiguous tensors through): runs along the last dim, checked against
// the element-by-element walk (values()) on strided, transposed, offset, expanded and empty views.
import { describe, expect, it } from "vitest";
import * as T from "../../engine/index.ts";
import { fromStorage, makeView, type Tensor } from "../../engine/tensor.ts";

const rt = new T.Runtime();
const base = fromStorage(rt, Float64Array.from({ length: 600 }, (_, i) => i * 1.5 - 7), [600], "float64");
const f32 = fromStorage(rt, Float32Array.from({ length: 600 }, (_, i) => i / 3), [600], "float32");
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
];

describe("contiguousData of a view", () => {
  for (const [what, v] of views)
    it(`is its elements in row-major order: ${what}`, () => {
      const data = v.contiguousData();
      expect(data.constructor).toBe(v.storage.data.constructor);
      expect(Array.from(data)).toEqual(v.values());
    });
});
