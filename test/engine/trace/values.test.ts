import { describe, expect, it } from "vitest";
import { storageFromTensor, storageIndices } from "../../../engine/trace/values.ts";

describe("storageIndices", () => {
  const cases = [
    { args: [[], [], 0], expected: [0] }, // a scalar
    { args: [[3], [1], 2], expected: [2, 3, 4] }, // a slice x[2:5]
    { args: [[2, 3], [3, 1], 0], expected: [0, 1, 2, 3, 4, 5] },
    { args: [[3, 2], [1, 3], 0], expected: [0, 3, 1, 4, 2, 5] }, // the transpose of a 2x3
    { args: [[2, 2], [0, 1], 0], expected: [0, 1, 0, 1] }, // expand: stride 0 repeats
  ] as const;
  for (const c of cases) it(JSON.stringify(c.args), () => expect(storageIndices(...(c.args as unknown as [number[], number[], number]))).toEqual(c.expected));
});

describe("storageFromTensor", () => {
  it("places a transposed view's values back where the storage keeps them", () => {
    expect(storageFromTensor({ shape: [3, 2], strides: [1, 3], offset: 0 }, [1, 4, 2, 5, 3, 6])).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
