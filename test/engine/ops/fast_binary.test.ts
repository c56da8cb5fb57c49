// The fast add/sub/mul/div loops (fast_binary.ts, and the WebAssembly SIMD kernels behind them)
// against binaryMap's reference loop, bit for bit: contiguous runs of every tail length, numbers
// on either side, 0-d and one-element tensors, bias rows and columns broadcast, strided,
// transposed, offset and expanded views, with NaN, infinities, signed zeros and subnormals.
import { describe, expect, it } from "vitest";
import * as T from "../../../engine/index.ts";
import { binaryMap } from "../../../engine/ops/kernel.ts";
import { elementwiseKernel } from "../../../engine/ops/wasm/kernels.ts";
import { fromStorage, makeView, type Tensor } from "../../../engine/tensor.ts";
import type { DType, Scalar } from "../../../engine/dtype.ts";
import type { BinaryOp } from "../../../engine/ops/fast_binary.ts";
import { awkward, bits, difference, lcg } from "./awkward_values.ts";

const FNS: Record<BinaryOp, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
};
const OPS = Object.keys(FNS) as BinaryOp[];
const DTYPES: DType[] = ["float32", "float64"];

const rt = new T.Runtime({ maxBytes: Infinity });
function tensor(shape: number[], dtype: DType, rand: () => number): Tensor {
  const n = shape.reduce((p, q) => p * q, 1);
  const data = dtype === "float32" ? Float32Array.from(awkward(n, rand)) : Float64Array.from(awkward(n, rand));
  return fromStorage(rt, data, shape, dtype);
}

function expectSame(a: Tensor | Scalar, b: Tensor | Scalar, dtype: DType): void {
  for (const op of OPS) {
    const fast = binaryMap(a, b, dtype, dtype, FNS[op], op);
    const reference = binaryMap(a, b, dtype, dtype, FNS[op]);
    expect(fast.shape).toEqual(reference.shape);
    expect(difference(fast.storage.data, reference.storage.data), `${op} ${dtype}`).toBe("same");
  }
}

describe("the fast elementwise loops", () => {
  it("run the WebAssembly SIMD kernels under Node", () => {
    expect(elementwiseKernel()).toBe("wasm-simd");
  });

  for (const dtype of DTYPES) {
    it(`give the reference bits on contiguous runs of every tail length (${dtype})`, () => {
      const rand = lcg(1);
      for (const n of [16, 17, 18, 19, 20, 21, 23, 31, 33, 64, 100, 1001, 16384, 16385, 40000])
        expectSame(tensor([n], dtype, rand), tensor([n], dtype, rand), dtype);
    });

    it(`give the reference bits with a number or a one-element tensor on either side (${dtype})`, () => {
      const rand = lcg(2);
      for (const n of [16, 19, 1003, 20000]) {
        const x = tensor([n], dtype, rand);
        for (const s of [2.5, -0, 1e-45, NaN, -Infinity, 3n, true, 0.1]) {
          expectSame(x, s, dtype);
          expectSame(s, x, dtype);
        }
        const zeroD = tensor([], dtype, rand);
        const one = tensor([1, 1], dtype, rand);
        const otherDType = tensor([], dtype === "float32" ? "float64" : "float32", rand);
        for (const s of [zeroD, one, otherDType]) {
          expectSame(x, s, dtype);
          expectSame(s, x, dtype);
        }
      }
    });

    it(`give the reference bits on broadcast rows and columns (${dtype})`, () => {
      const rand = lcg(3);
      for (const [r, m] of [[5, 7], [64, 100], [3, 20000], [20000, 3], [300, 129]]) {
        const batch = tensor([r, m], dtype, rand);
        expectSame(batch, tensor([m], dtype, rand), dtype);
        expectSame(tensor([1, m], dtype, rand), batch, dtype);
        expectSame(batch, tensor([r, 1], dtype, rand), dtype);
        expectSame(tensor([r, 1], dtype, rand), tensor([1, m], dtype, rand), dtype);
        expectSame(tensor([2, r, m], dtype, rand), tensor([r, 1], dtype, rand), dtype);
      }
    });

    it(`give the reference bits on strided, transposed, offset and expanded views (${dtype})`, () => {
      const rand = lcg(4);
      const base = tensor([2 * 5003], dtype, rand);
      const everyOther = makeView(base, [5003], [2], 1);
      const run = makeView(base, [5003], [1], 7);
      expectSame(everyOther, run, dtype);
      expectSame(run, everyOther, dtype);
      expectSame(everyOther, 1.5, dtype);
      const m = tensor([40, 30], dtype, rand);
      const mt = makeView(m, [30, 40], [1, 30], 0);
      expectSame(mt, tensor([30, 40], dtype, rand), dtype);
      expectSame(mt, mt, dtype);
      const cols = makeView(m, [40, 17], [30, 1], 3);
      expectSame(cols, tensor([17], dtype, rand), dtype);
      expectSame(cols, cols, dtype);
      const expanded = makeView(tensor([1], dtype, rand), [6, 50], [0, 0], 0);
      expectSame(expanded, tensor([6, 50], dtype, rand), dtype);
      const rows = makeView(tensor([50], dtype, rand), [6, 50], [0, 1], 0);
      expectSame(rows, tensor([6, 50], dtype, rand), dtype);
    });
  }

  for (const dtype of DTYPES)
    it(`give the reference bits on long rows with small steps, the WebAssembly step loops (${dtype})`, () => {
      const rand = lcg(7);
      const base = tensor([2 * 40003 + 9], dtype, rand);
      const view = (n: number, step: number, offset: number) => makeView(base, [n], [step], offset);
      // every pair of steps 0..3 (0: a number, or one element expanded), 8 (the largest the loop
      // copies in), 9 (the plain loop); lengths around the vector width and past a chunk
      for (const n of [256, 257, 258, 259, 263, 1027, 40003])
        for (const [sa, sb] of [[2, 2], [2, 1], [1, 2], [2, 0], [0, 2], [1, 0], [3, 1], [2, 3], [8, 2], [9, 2]] as const) {
          if ((n - 1) * Math.max(sa, sb) + 9 >= base.numel) continue;
          const side = (s: number, offset: number) => (s === 0 ? makeView(base, [n], [0], offset) : view(n, s, offset));
          expectSame(side(sa, 1), side(sb, 4), dtype);
          if (sa === 0) {
            expectSame(-2.5, side(sb, 3), dtype);
            expectSame(side(sb, 3), 0.1, dtype);
          }
        }
      // rows of a matrix taken every other column, and every other row of columns repeated
      const m = tensor([7, 6000], dtype, rand);
      const halves = makeView(m, [7, 3000], [6000, 2], 1);
      expectSame(halves, tensor([7, 3000], dtype, rand), dtype);
      expectSame(halves, makeView(tensor([7], dtype, rand), [7, 3000], [1, 0], 0), dtype);
      expectSame(makeView(m, [3, 7, 1000], [0, 6000, 2], 0), makeView(m, [1000], [3], 5), dtype);
    });

  it("leave other dtypes and mixed dtypes to the reference loop, with its results", () => {
    const rand = lcg(5);
    const f = tensor([100], "float32", rand);
    const d = tensor([100], "float64", rand);
    const ints = T.arange(rt, 100);
    expect(bits(T.add(f, d).storage.data)).toEqual(bits(binaryMap(f, d, "float64", "float64", FNS.add).storage.data));
    expect(bits(T.mul(ints, 3n).storage.data)).toEqual(bits(binaryMap(ints, 3n, "int64", "int64", FNS.mul).storage.data));
  });

  it("go through the public ops: x + y, x * 2, x - y, x / y agree with the reference", () => {
    const rand = lcg(6);
    const x = tensor([64, 33], "float32", rand);
    const y = tensor([33], "float32", rand);
    expect(bits(T.add(x, y).storage.data)).toEqual(bits(binaryMap(x, y, "float32", "float32", FNS.add).storage.data));
    expect(bits(T.sub(x, y).storage.data)).toEqual(bits(binaryMap(x, y, "float32", "float32", FNS.sub).storage.data));
    expect(bits(T.mul(x, 2).storage.data)).toEqual(bits(binaryMap(x, 2, "float32", "float32", FNS.mul).storage.data));
    expect(bits(T.div(y, x).storage.data)).toEqual(bits(binaryMap(y, x, "float32", "float32", FNS.div).storage.data));
  });
});
