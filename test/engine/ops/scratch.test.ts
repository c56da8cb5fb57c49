// A strided view's elements copied into the kept buffer (ops/scratch.ts) for kernels that only read
// them: the same elements as contiguousData, one after another from views of different sizes and
// dtypes (each copy replaces the last), a contiguous tensor's own storage, and through the ops
// that use it (a strided sum, mean, exp, tanh give what they give on a contiguous copy).
import { describe, expect, it } from "vitest";
import * as T from "../../../engine/index.ts";
import { fromStorage, makeView } from "../../../engine/tensor.ts";
import { readOnlyContiguous } from "../../../engine/ops/scratch.ts";
import { difference } from "./awkward_values.ts";

const rt = new T.Runtime();
const f64 = fromStorage(rt, Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i) * 5), [3000], "float64");
const f32 = fromStorage(rt, Float32Array.from({ length: 3000 }, (_, i) => Math.cos(i) * 5), [3000], "float32");

describe("readOnlyContiguous", () => {
  it("copies views of each size and dtype in turn, each its elements in row-major order", () => {
    const views = [
      makeView(f64, [1500], [2], 0),
      makeView(f32, [999], [3], 1),
      makeView(f64, [10], [7], 5),
      makeView(f64, [30, 40], [1, 30], 0),
      makeView(f32, [1400], [2], 3),
      makeView(f64, [2, 3], [0, 2], 9),
    ];
    for (const v of views) {
      const data = readOnlyContiguous(v);
      expect(data.constructor).toBe(v.storage.data.constructor);
      expect(data.length).toBe(v.numel);
      expect(Array.from(data)).toEqual(v.values());
    }
  });

  it("hands out a contiguous tensor's own storage", () => {
    const v = makeView(f64, [100], [1], 7);
    const data = readOnlyContiguous(v);
    expect(data.buffer).toBe(f64.storage.data.buffer);
    expect(Array.from(data)).toEqual(v.values());
  });

  it("gives strided sum, mean, exp and tanh the values of a contiguous copy", () => {
    for (const base of [f32, f64]) {
      const v = makeView(base, [1400], [2], 1);
      const copy = fromStorage(rt, v.contiguousData().slice(), [1400], base.dtype);
      expect(T.sum(v).values()).toEqual(T.sum(copy).values());
      expect(T.mean(v).values()).toEqual(T.mean(copy).values());
      for (const f of [T.exp, T.tanh]) expect(difference(f(v).storage.data, f(copy).storage.data)).toBe("same");
    }
  });
});
