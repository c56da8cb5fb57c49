// ATen's loop shapes around the SLEEF kernels: which elements share a vector, which take the scalar tail.
import { describe, expect, it } from "vitest";
import { applyKernel } from "../../../../engine/ops/sleef/index.ts";

const run = (op: string, xs: number[]): number[] => {
  const out = new Float32Array(xs.length);
  applyKernel(op, "float32", Float32Array.from(xs), out);
  return Array.from(out);
};

describe("applyKernel (float32)", () => {
  it("sin/cos reduce all 8 lanes of a vector as its largest lane needs (>= 125, >= 39000)", () => {
    // PyTorch 2.6: torch.sin(torch.tensor([2.1416380405426025])).tolist(), then with 1000.0 beside it
    expect(run("sin", [2.1416380405426025])).toEqual([0.8414463996887207]);
    expect(run("sin", [2.1416380405426025, 1000])).toEqual([0.8414464592933655, 0.8268795013427734]);
    // torch.cos(torch.tensor([0.0012260000221431255])).tolist(), then with 1000.0, then with 50000.0 beside it
    expect(run("cos", [0.0012260000221431255])).toEqual([0.9999992251396179]);
    expect(run("cos", [0.0012260000221431255, 1000])).toEqual([0.9999992251396179, 0.5623790621757507]);
    expect(run("cos", [0.0012260000221431255, 50000])).toEqual([0.9999992847442627, -0.017877256497740746]);
  });
  it("sigmoid's last len % 16 elements use 1 / (1 + exp(-x)) with a scalar exp", () => {
    // torch.sigmoid(torch.tensor([-3.0, -0.5, 0.25, 1.0, 2.5, 7.0, 12.0])).tolist()
    const small = [-3, -0.5, 0.25, 1, 2.5, 7, 12];
    const want = [0.04742587357759476, 0.3775406777858734, 0.562176525592804, 0.7310585975646973, 0.9241418242454529, 0.9990890026092529, 0.9999938011169434];
    expect(run("sigmoid", small)).toEqual(want.map(Math.fround));
  });
});
