// The SIMD float sum (sum_wasm.ts through cascadeSum) against the JavaScript loop that follows
// ATen's cascade order (cascadeSumJs), bit for bit: every length class (scalar tails, rows after
// the last group of four, partial cascade groups, several chunks, a deeper cascade level), awkward
// values, and offsets into a bigger array; and through torch.sum / mean.
import { describe, expect, it } from "vitest";
import * as T from "../../../engine/index.ts";
import { cascadeSum, cascadeSumJs, outerColumnSum } from "../../../engine/ops/cascade_sum.ts";
import { fromStorage, makeView } from "../../../engine/tensor.ts";
import { awkward, difference, lcg } from "./awkward_values.ts";

const same = (a: number, b: number) => difference([a], [b]);

/** values of one sign and similar size: their sum keeps every rounding the order makes */
function smooth(n: number, rand: () => number): number[] {
  return Array.from({ length: n }, () => 1 + rand() * 1e-3);
}

describe("the SIMD cascade sum", () => {
  for (const dtype of ["float32", "float64"] as const) {
    const Arr = dtype === "float32" ? Float32Array : Float64Array;
    it(`adds in ATen's order, as the scalar loop does (${dtype})`, () => {
      const rand = lcg(7);
      const lengths = [512, 513, 515, 519, 527, 543, 575, 1000, 1024 * 32 - 1, 1024 * 32, 1024 * 32 + 1, 100_003, 250_007];
      for (const n of lengths)
        for (const values of [smooth(n, rand), awkward(n, rand), awkward(n, rand).map((v) => (Number.isFinite(v) ? v : 0))]) {
          const a = Arr.from(values);
          expect(same(cascadeSum(a, 0, n, dtype), cascadeSumJs(a, 0, n, dtype)), `n=${n}`).toBe("same");
          // from an offset into a longer array
          expect(same(cascadeSum(a, 3, n - 5, dtype), cascadeSumJs(a, 3, n - 5, dtype)), `n=${n} at 3`).toBe("same");
        }
    });

    it(`takes the deeper cascade levels of very long runs (${dtype})`, () => {
      // 2^19 rows of four vectors: ceil(log2) is 20 levels' worth, so each level carries 2^5 rows
      const n = (dtype === "float32" ? 32 : 16) * 2 ** 19 + 4097;
      const rand = lcg(8);
      const a = new Arr(n);
      for (let i = 0; i < n; i++) a[i] = 1 + rand() * 1e-3;
      expect(same(cascadeSum(a, 0, n, dtype), cascadeSumJs(a, 0, n, dtype))).toBe("same");
    });
  }

  it("is what torch.sum and mean of a float32 tensor give", () => {
    const rt = new T.Runtime({ maxBytes: Infinity });
    const rand = lcg(9);
    const data = Float32Array.from(smooth(10_007, rand));
    const x = fromStorage(rt, data, [10_007], "float32");
    expect(T.sum(x).storage.data[0]).toBe(cascadeSumJs(data, 0, data.length, "float32"));
    expect(T.sum(T.reshape(x, [1, 10_007]), 1).storage.data[0]).toBe(cascadeSumJs(data, 0, data.length, "float32"));
  });

  for (const dtype of ["float32", "float64"] as const)
    it(`sums along a dim with columns after it as each column alone would be summed (${dtype})`, () => {
      // the whole-run path (outerColumnsSum) against outerColumnSum column by column, its reference
      const rt = new T.Runtime({ maxBytes: Infinity });
      const rand = lcg(10);
      const Arr = dtype === "float32" ? Float32Array : Float64Array;
      for (const inner of [2, 3, 4, 5, 7, 8, 31, 32, 33, 65, 100])
        for (const n of [1, 2, 5, 17, 300, 4099]) {
          const data = Arr.from(n * inner < 20000 ? awkward(n * inner, rand) : smooth(n * inner, rand));
          const x = fromStorage(rt, data, [n, inner], dtype);
          const expected = Array.from({ length: inner }, (_, c) => outerColumnSum(data, c, inner, n, dtype, c, inner));
          expect(difference(T.sum(x, 0).storage.data, expected), `[${n}, ${inner}] sum(0)`).toBe("same");
          const means = expected.map((v) => (dtype === "float32" ? Math.fround(v / n) : v / n));
          expect(difference(T.mean(x, 0).storage.data, means), `[${n}, ${inner}] mean(0)`).toBe("same");
          // the same columns in two batches: [2, n, inner].sum(1), and a strided view of them
          const two = fromStorage(rt, Arr.from([...data, ...data]), [2, n, inner], dtype);
          expect(difference(T.sum(two, 1).storage.data, [...expected, ...expected]), `[2, ${n}, ${inner}] sum(1)`).toBe("same");
          const wide = fromStorage(rt, Arr.from(Array.from(data).flatMap((v) => [v, -1])), [n, 2 * inner], dtype);
          expect(difference(T.sum(makeView(wide, [n, inner], [2 * inner, 2], 0), 0).storage.data, expected), `strided [${n}, ${inner}]`).toBe("same");
        }
    });
});
