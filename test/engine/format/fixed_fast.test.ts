// formatFixed's toFixed fast path against the exact BigInt path: every value a tensor repr or an
// f-string may format, including exact ties (Python rounds them to even, toFixed upward).
import { describe, expect, it } from "vitest";
import { formatFixed, formatFixedExact } from "../../../engine/format/decimal.ts";

function* values(): Generator<number> {
  // ties and near-ties at 0-8 digits: k / 2^j, and their float32 roundings
  for (let j = 1; j <= 30; j++) for (let k = -70; k <= 70; k++) yield k / 2 ** j;
  for (const v of [0.5, 1.5, 2.5, 0.125, 0.03125, 0.00005, 0.00015, 0.00025, 1e-5, 123456.78125, 2 ** 52 + 0.5, 2 ** 49 + 0.25, 999999999999999.9])
    for (const s of [1, -1]) yield s * v;
  for (const v of [0, -0, 5e-324, 2.2250738585072014e-308, 1e15, 1e21, 1e300, Number.MAX_VALUE]) yield v;
  // pseudo-random doubles and float32s over many magnitudes
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < 20000; i++) {
    const v = (next() - 0.5) * 10 ** Math.floor(next() * 24 - 8);
    yield v;
    yield Math.fround(v);
  }
}

describe("formatFixed: the fast path gives the exact path's text", () => {
  it.each([0, 1, 2, 4, 6, 8, 12, 20, 25])("at %i digits", (digits) => {
    let checked = 0;
    for (const v of values()) {
      const fast = formatFixed(v, digits);
      const exact = formatFixedExact(v, digits);
      if (fast !== exact) expect({ v, digits, fast }).toEqual({ v, digits, fast: exact });
      checked++;
    }
    expect(checked).toBeGreaterThan(40000);
  });

  it.each([
    { x: 0.03125, digits: 4, text: "0.0312" },
    { x: 0.09375, digits: 4, text: "0.0938" },
    { x: 2.5, digits: 0, text: "2" },
    { x: 3.5, digits: 0, text: "4" },
    { x: -0.5, digits: 0, text: "-0" },
    { x: -0, digits: 4, text: "-0.0000" },
    { x: -0.00001, digits: 4, text: "-0.0000" },
    { x: 1e21, digits: 1, text: "1000000000000000000000.0" },
  ])("$x at $digits digits is $text, as Python writes it", ({ x, digits, text }) => {
    expect(formatFixed(x, digits)).toBe(text);
  });
});
