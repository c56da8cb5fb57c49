// SLEEF's float32 exp and tanh as SIMD kernels (wasm/expf_wasm.ts, tanhf_wasm.ts) against the
// scalar functions they replace, bit for bit: a sweep across the float32 bit patterns (every sign
// and exponent, NaNs and subnormals), a dense run through tanh's range, the edges of each range,
// every tail length and chunk boundary, and through torch.exp / torch.tanh.
import { describe, expect, it } from "vitest";
import * as T from "../../../../engine/index.ts";
import { applyKernel, applyKernelScalar } from "../../../../engine/ops/sleef/index.ts";
import { float32MathArray } from "../../../../engine/ops/wasm/kernels.ts";
import { expf, sleefTanhf, tanhf } from "../../../../engine/ops/sleef/float32.ts";
import { fromStorage } from "../../../../engine/tensor.ts";
import { awkward, difference, lcg } from "../awkward_values.ts";

const KERNELS = [
  // tanh's reference is SLEEF's own steps (sleefTanhf), not the fast scalar tanhf beside it
  { op: "exp", scalar: expf, reference: expf, edges: [88.72283, 88.7229, 89, 100, 100.00001, -87.33655, -103.97, -104, -104.00001, -150] },
  { op: "tanh", scalar: sleefTanhf, reference: sleefTanhf, edges: [2 ** -12, 2 ** -8, 0.0625, 0.5, 2, 8.664339742, 8.67, 9, 20] },
] as const;

function simd(op: "exp" | "tanh", src: Float32Array, scalar: (x: number) => number): Float32Array {
  const out = new Float32Array(src.length);
  expect(float32MathArray(op, src, out, scalar, () => undefined)).toBe(true);
  return out;
}

for (const { op, scalar, reference, edges } of KERNELS) {
  const ref = (src: Float32Array) => Float32Array.from(src, reference);
  describe(`the SIMD ${op}`, () => {
    it("gives SLEEF's bits across the float32 bit patterns", () => {
      const n = 1 << 20;
      const patterns = new Uint32Array(n);
      const src = new Float32Array(patterns.buffer);
      for (const start of [0, 611]) {
        for (let i = 0; i < n; i++) patterns[i] = (start + i * 2053) >>> 0;
        expect(difference(simd(op, src, scalar), ref(src)), `from ${start}`).toBe("same");
      }
    });

    it("gives SLEEF's bits densely through [-10, 10]", () => {
      const n = 1 << 19;
      const src = Float32Array.from({ length: n }, (_, i) => (i / n - 0.5) * 20);
      expect(difference(simd(op, src, scalar), ref(src))).toBe("same");
    });

    it("gives SLEEF's bits at the edges of its range and on awkward values", () => {
      const all = [0, -0, NaN, Infinity, -Infinity, 1e-45, -1e-45, 1e-38, ...edges, ...edges.map((x) => -x)];
      const around = all.flatMap((x) => [x, Math.fround(x * (1 + 2 ** -23)), Math.fround(x * (1 - 2 ** -23))]);
      const src = Float32Array.from([...around, ...awkward(5000, lcg(11))]);
      expect(difference(simd(op, src, scalar), ref(src))).toBe("same");
    });

    it("handles every tail length and chunk boundary, through applyKernel", () => {
      const rand = lcg(12);
      for (const n of [1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 63, 16383, 16384, 16385, 40001]) {
        const src = Float32Array.from({ length: n }, () => (rand() - 0.5) * 30);
        const out = new Float32Array(n);
        applyKernel(op, "float32", src, out);
        const want = new Float32Array(n);
        applyKernelScalar(op, "float32", src, want);
        expect(difference(out, want), `n=${n}`).toBe("same");
      }
    });

    it(`is what torch.${op} gives on a float32 tensor and a transposed view`, () => {
      const rt = new T.Runtime();
      const f = op === "exp" ? T.exp : T.tanh;
      const data = Float32Array.from(awkward(3000, lcg(13)), (v) => v / 1e3);
      const x = fromStorage(rt, data, [3000], "float32");
      expect(difference(f(x).storage.data, ref(data))).toBe("same");
      const t = T.tOp(T.reshape(x, [60, 50]));
      expect(difference(f(t).storage.data, ref(t.contiguousData() as Float32Array))).toBe("same");
    });
  });
}

it("the fast scalar tanhf (the one the kernel's fallback could be) gives SLEEF's bits too", () => {
  const src = Float32Array.from({ length: 1 << 16 }, (_, i) => (i / 65536 - 0.5) * 20);
  expect(difference(Float32Array.from(src, tanhf), Float32Array.from(src, sleefTanhf))).toBe("same");
});
