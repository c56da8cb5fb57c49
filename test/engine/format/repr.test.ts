// Every recorded PyTorch 2.6 repr must come out of formatTensor byte for byte.

import { describe, expect, it } from "vitest";
import { formatTensor } from "../../../engine/format/index.ts";
import { decodeValue, loadFixture, type TensorCase } from "./fixtures.ts";

function check(c: TensorCase): void {
  const printed = formatTensor(
    { values: c.values.map(decodeValue), shape: c.shape, dtype: c.dtype },
    { requiresGrad: c.requiresGrad, gradFn: c.gradFn },
  );
  expect(printed).toBe(c.expected);
}

describe("formatTensor matches repr() of PyTorch 2.6", () => {
  const cases = loadFixture<TensorCase[]>("tensors.json");
  it("has hundreds of recorded cases", () => expect(cases.length).toBeGreaterThan(300));
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => check(c));
});

describe("formatTensor summarizes tensors above 1000 elements like PyTorch", () => {
  const cases = loadFixture<TensorCase[]>("large.json");
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => check(c));
});
