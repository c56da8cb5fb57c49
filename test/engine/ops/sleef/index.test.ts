// ATen's loop shapes around the SLEEF kernels: which elements share a vector, which take the scalar tail.
import { describe, expect, it } from "vitest";
import { applyKernel } from "../../../../engine/ops/sleef/index.ts";

const run = (op: string, xs: number[]): number[] => {
  const out = new Float32Array(xs.length);
  applyKernel(op, "float32", Float32Array.from(xs), out);
  return Array.from(out);
};

describe("applyKernel (float32)", () => {
  it("sin/cos/tan reduce all 8 lanes of a vector the wide way when one lane is >= 125", () => {
    // torch.cos(torch.tensor([37.510597229003906, 1000.0, 0, 0, 0, 0, 0, 0])).tolist() in PyTorch 1.13
    expect(run("cos", [37.510597229003906, 1000, 0, 0, 0, 0, 0, 0])).toEqual([0.9822836518287659, 0.5623790621757507, 1, 1, 1, 1, 1, 1]);
    // and alone: torch.cos(torch.tensor([37.510597229003906])).tolist()
    expect(run("cos", [37.510597229003906])).toEqual([0.9822837114334106]);
  });
  it("sigmoid's last len % 16 elements use 1 / (1 + exp(-x)) with a scalar exp", () => {
    // torch.sigmoid(torch.tensor([-3.0, -0.5, 0.25, 1.0, 2.5, 7.0, 12.0])).tolist()
    const small = [-3, -0.5, 0.25, 1, 2.5, 7, 12];
    const want = [0.04742587357759476, 0.3775406777858734, 0.562176525592804, 0.7310585975646973, 0.9241418242454529, 0.9990890026092529, 0.9999938011169434];
    expect(run("sigmoid", small)).toEqual(want.map(Math.fround));
  });
});
