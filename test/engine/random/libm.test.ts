// glibc-exact log and sincos against values recorded from the libm that PyTorch calls (via ctypes).

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { libmLog, libmSinCos } from "../../../engine/random/libm.ts";

const values = JSON.parse(
  readFileSync(new URL("../../fixtures/random/libm-values.json", import.meta.url), "utf8"),
) as { log: [number, number][]; sincos: [number, number, number][] };

describe("libmLog matches glibc log bit for bit", () => {
  it.each(values.log)("log(%d) = %d", (x, expected) => {
    expect(libmLog(x)).toBe(expected);
  });
});

describe("libmSinCos matches glibc sincos bit for bit", () => {
  it.each(values.sincos)("sincos(%d) = [%d, %d]", (x, sin, cos) => {
    expect(libmSinCos(x)).toEqual([sin, cos]);
  });
});

describe("where JS's own Math differs from glibc, we follow glibc", () => {
  it("at least one recorded log and one sin value differ from Math.log / Math.sin", () => {
    expect(values.log.some(([x, y]) => Math.log(x) !== y)).toBe(true);
    expect(values.sincos.some(([x, s]) => Math.sin(x) !== s)).toBe(true);
  });
});
