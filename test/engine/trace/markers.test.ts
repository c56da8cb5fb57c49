import { describe, expect, it } from "vitest";
import { binMarkers, markerOf } from "../../../engine/trace/markers.ts";
import { aliasPitfall } from "./events.fixture.ts";

describe("markerOf", () => {
  const cases = [
    { index: 5, expected: "forward" }, // op/applied f = x**3
    { index: 9, expected: "backward" },
    { index: 12, expected: "accumulate" },
    { index: 17, expected: "inplace" },
    { index: 2, expected: null }, // a binding is not a marker
  ];
  for (const c of cases) it(`${aliasPitfall[c.index].kind} -> ${c.expected}`, () => expect(markerOf(aliasPitfall[c.index])).toBe(c.expected));
});

describe("binMarkers", () => {
  it("gives one marker per event when there is room, at proportional columns", () => {
    const m = binMarkers(aliasPitfall, 20);
    expect(m.map((x) => [x.column, x.kind, x.step])).toEqual([
      [5, "forward", 5],
      [9, "backward", 9],
      [12, "accumulate", 12],
      [17, "inplace", 17],
    ]);
  });
  it("keeps the most telling kind when events share a column", () => {
    const m = binMarkers(aliasPitfall, 2);
    expect(m).toEqual([
      { column: 0, kind: "backward", step: 9 },
      { column: 1, kind: "inplace", step: 17 },
    ]);
  });
});
