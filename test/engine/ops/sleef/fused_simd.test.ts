// The fused-multiply-add kernels (wasm/fused_math_wasm.ts: float64 exp and tanh, float32 exp)
// against the scalar SLEEF ports they replace (whose fma is an exact emulation), bit for bit:
// random bit patterns over every exponent, dense runs through each function's range, the edges
// where SLEEF's overrides take over, every tail length and chunk boundary, and through torch.exp /
// torch.tanh on tensors and views.
import { describe, expect, it } from "vitest";
import * as T from "../../../../engine/index.ts";
import { applyKernel, applyKernelScalar } from "../../../../engine/ops/sleef/index.ts";
import { fusedKernels, fusedMathArray } from "../../../../engine/ops/wasm/fused.ts";
import { exp as exp64, tanh as tanh64 } from "../../../../engine/ops/sleef/float64.ts";
import { expf } from "../../../../engine/ops/sleef/float32.ts";
import { fromStorage } from "../../../../engine/tensor.ts";
import { awkward, difference, lcg } from "../awkward_values.ts";

type Dt = "float32" | "float64";
const KERNELS = [
  { op: "exp", dtype: "float64", reference: exp64, range: 760, edges: [709.7827111495575, 709.79, -708.4, -745.1, -745.2, -1000, -1000.0000000000001, 1e-300] },
  { op: "tanh", dtype: "float64", reference: tanh64, range: 25, edges: [18.714973875, 18.714973875000002, 18.7, 19, 1e-8, 2 ** -27, 0.5, 710, 1e300] },
  { op: "exp", dtype: "float32", reference: expf, range: 110, edges: [88.72283, 88.7229, 89, 100, 100.00001, -87.33655, -103.97, -104, -104.00001, -150] },
] as const;

const typed = (dtype: Dt, values: ArrayLike<number>) => (dtype === "float32" ? Float32Array.from(values) : Float64Array.from(values));

function fused(op: string, src: Float32Array | Float64Array, reference: (x: number) => number): Float32Array | Float64Array {
  const out = src instanceof Float32Array ? new Float32Array(src.length) : new Float64Array(src.length);
  expect(fusedMathArray(op, src, out, reference, () => undefined)).toBe(true);
  return out;
}

it("the fused kernels run here (relaxed SIMD on, and its multiply-add fuses on this CPU)", () => {
  expect(fusedKernels()).toBe(true);
});

for (const { op, dtype, reference, range, edges } of KERNELS) {
  const ref = (src: Float32Array | Float64Array) => (src instanceof Float32Array ? Float32Array.from(src, reference) : Float64Array.from(src, reference));
  describe(`the fused ${dtype} ${op}`, () => {
    it("gives the reference's bits on random bit patterns over every exponent", () => {
      const n = 1 << 18;
      const rand = lcg(21);
      const src = dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
      const words = new Uint32Array(src.buffer);
      for (let i = 0; i < words.length; i++) words[i] = Math.floor(rand() * 2 ** 32) >>> 0;
      expect(difference(fused(op, src, reference), ref(src))).toBe("same");
    });

    it("gives the reference's bits densely through its range and on awkward values", () => {
      const n = 1 << 18;
      const dense = typed(dtype, Array.from({ length: n }, (_, i) => (i / n - 0.5) * 2 * range));
      expect(difference(fused(op, dense, reference), ref(dense)), "dense").toBe("same");
      const small = typed(dtype, Array.from({ length: n }, (_, i) => (i / n - 0.5) * 4));
      expect(difference(fused(op, small, reference), ref(small)), "small").toBe("same");
      const odd = typed(dtype, awkward(20000, lcg(22)));
      expect(difference(fused(op, odd, reference), ref(odd)), "awkward").toBe("same");
    });

    it("gives the reference's bits at the edges of its range", () => {
      const all = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e-310, ...edges, ...edges.map((x) => -x)];
      const ulp = dtype === "float32" ? 2 ** -23 : 2 ** -52;
      const src = typed(dtype, all.flatMap((x) => [x, x * (1 + ulp), x * (1 - ulp), x * (1 + 4 * ulp), x * (1 - 4 * ulp)]));
      expect(difference(fused(op, src, reference), ref(src))).toBe("same");
    });

    it("handles every tail length and chunk boundary, through applyKernel", () => {
      const rand = lcg(23);
      for (const n of [1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 16383, 16384, 16385, 40001]) {
        const src = typed(dtype, Array.from({ length: n }, () => (rand() - 0.5) * 30));
        const out = dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
        applyKernel(op, dtype, src, out);
        const want = dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
        applyKernelScalar(op, dtype, src, want);
        expect(difference(out, want), `n=${n}`).toBe("same");
      }
    });

    it(`is what torch.${op} gives on a tensor and a transposed view`, () => {
      const rt = new T.Runtime();
      const f = op === "exp" ? T.exp : T.tanh;
      const data = typed(dtype, Array.from(awkward(3000, lcg(24)), (v) => v / 1e3));
      const x = fromStorage(rt, data, [3000], dtype);
      expect(difference(f(x).storage.data, ref(data))).toBe("same");
      const t = T.tOp(T.reshape(x, [60, 50]));
      expect(difference(f(t).storage.data, ref(t.contiguousData() as Float32Array | Float64Array))).toBe("same");
    });
  });
}
