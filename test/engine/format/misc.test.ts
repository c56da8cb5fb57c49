// torch.Size / dtype reprs and Python's float formatting (ties to even, two-digit exponents).

import { describe, expect, it } from "vitest";
import { dtypeRepr, formatExponent, formatFixed, sizeRepr } from "../../../engine/format/index.ts";
import { decodeValue, loadFixture, type MiscFixture } from "./fixtures.ts";
import type { DTypeName } from "../../../engine/events.ts";

const misc = loadFixture<MiscFixture>("misc.json");

describe("sizeRepr", () => {
  it.each(misc.sizes)("torch.Size($shape)", ({ shape, expected }) => {
    expect(sizeRepr(shape)).toBe(expected);
  });
});

describe("dtypeRepr", () => {
  it.each(Object.entries(misc.dtypes))("%s", (name, expected) => {
    expect(dtypeRepr(name as DTypeName)).toBe(expected);
  });
});

describe("Python float formatting", () => {
  it.each(misc.scalars.map((s) => [String(s.x), s] as const))("%s", (_x, s) => {
    const x = decodeValue(s.x);
    expect([formatFixed(x, 4), formatFixed(x, 0), formatExponent(x, 4)]).toEqual([
      s.f4,
      s.f0,
      s.e4,
    ]);
  });
});
