// glibc-exact log against values recorded from the libm that PyTorch calls (via ctypes).

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { libmLog } from "../../../engine/random/libm.ts";

const values = JSON.parse(
  readFileSync(new URL("../../fixtures/random/libm-values.json", import.meta.url), "utf8"),
) as { log: [number, number][] };

describe("libmLog matches glibc log bit for bit", () => {
  it.each(values.log)("log(%d) = %d", (x, expected) => {
    expect(libmLog(x)).toBe(expected);
  });
});

describe("where JS's own Math.log differs from glibc, we follow glibc", () => {
  it("at least one recorded log value differs from Math.log", () => {
    expect(values.log.some(([x, y]) => Math.log(x) !== y)).toBe(true);
  });
});
