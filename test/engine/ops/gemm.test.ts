// The SIMD matrix-product kernel against the scalar loops it replaces: bit for bit, in every
// shape class (vector blocks, single vectors, scalar tails, empty), with awkward values.
import { describe, expect, it } from "vitest";
import { gemm32, gemm32Js, gemm64, gemm64Js, gemmKernel } from "../../../engine/ops/gemm.ts";
import * as T from "../../../engine/index.ts";

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** values spanning many magnitudes, with zeros of both signs, infinities, NaN and subnormals */
function values(n: number, rand: () => number, special: boolean): number[] {
  const specials = [0, -0, Infinity, -Infinity, NaN, 1e-40, -3e-39, 3.4e38];
  return Array.from({ length: n }, () =>
    special && rand() < 0.05 ? specials[Math.floor(rand() * specials.length)] : (rand() - 0.5) * Math.exp((rand() - 0.5) * 30),
  );
}

const bits = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? "NaN" : Object.is(x, -0) ? "-0" : String(x)));

const SHAPES: [number, number, number][] = [
  [1, 1, 1], [1, 7, 1], [3, 4, 5], [7, 13, 17], [2, 3, 16], [2, 3, 33], [5, 0, 4], [0, 3, 3], [4, 3, 0], [64, 128, 128], [33, 1, 31],
];

describe("the matrix-product kernel", () => {
  it("is the WebAssembly SIMD one under Node", () => {
    expect(gemmKernel()).toBe("wasm-simd");
  });

  for (const [n, k, m] of SHAPES)
    for (const special of [false, true])
      it(`gives the scalar loop's exact bits for ${n}x${k} · ${k}x${m}${special ? " with inf/nan/subnormals" : ""}`, () => {
        const rand = lcg(n * 1000 + k * 10 + m);
        const a = values(n * k, rand, special);
        const b = values(k * m, rand, special);
        const a32 = Float32Array.from(a);
        const b32 = Float32Array.from(b);
        expect(bits(gemm32(a32, b32, n, k, m))).toEqual(bits(gemm32Js(a32, b32, n, k, m)));
        const a64 = Float64Array.from(a);
        const b64 = Float64Array.from(b);
        expect(bits(gemm64(a64, b64, n, k, m))).toEqual(bits(gemm64Js(a64, b64, n, k, m)));
      });

  it("accumulates in k order in float32, not in a wider type (1e8 + 1 - 1e8 is 0 in float32)", () => {
    const rt = new T.Runtime();
    const a = T.tensor(rt, [[1e8, 1, -1e8, 1, 1, 1, 1]]);
    const b = T.ones(rt, [7, 5]);
    expect(T.mm(a, b).values()).toEqual([4, 4, 4, 4, 4]);
  });

  it("keeps results across calls that grow the kernel's memory", () => {
    const rt = new T.Runtime();
    const small = T.mm(T.ones(rt, [2, 3]), T.ones(rt, [3, 2]));
    const big = T.mm(T.ones(rt, [300, 400]), T.ones(rt, [400, 300]));
    expect(small.values()).toEqual([3, 3, 3, 3]);
    expect(big.values().every((v) => v === 400)).toBe(true);
    expect(small.values()).toEqual([3, 3, 3, 3]);
  });
});
