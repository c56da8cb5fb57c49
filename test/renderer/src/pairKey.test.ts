import { describe, expect, it } from "vitest";
import { pairKey } from "../../../renderer/src/graph/pairKey.ts";

describe("pairKey: one number per ordered pair of node ids", () => {
  it.each([
    { a: [1, 2], b: [2, 1] },
    { a: [-13, 2], b: [2, -13] },
    { a: [0, 1], b: [1, 0] },
    { a: [-1, -2], b: [-2, -1] },
    { a: [2 ** 24 - 1, -(2 ** 24) + 1], b: [-(2 ** 24) + 1, 2 ** 24 - 1] },
    { a: [5, 7], b: [5, 8] },
  ])("$a and $b differ", ({ a, b }) => {
    expect(pairKey(a[0], a[1])).not.toBe(pairKey(b[0], b[1]));
    expect(pairKey(a[0], a[1])).toBe(pairKey(a[0], a[1]));
  });

  it("is distinct over a block of ids either side of 0", () => {
    const keys = new Set<number>();
    for (let s = -40; s <= 40; s++) for (let t = -40; t <= 40; t++) keys.add(pairKey(s, t));
    expect(keys.size).toBe(81 * 81);
  });
});
