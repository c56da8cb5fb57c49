import { describe, expect, it } from "vitest";
import { applyTransform, drawingBounds, pathPoints } from "../../../renderer/export/bounds.ts";

describe("drawing bounds", () => {
  it.each([
    { markup: `<rect x="10" y="20" width="30" height="40"/>`, expected: { minX: 10, minY: 20, maxX: 40, maxY: 60 } },
    { markup: `<g transform="translate(100 5)"><rect x="-10" y="0" width="20" height="10"/></g>`, expected: { minX: 90, minY: 5, maxX: 110, maxY: 15 } },
    { markup: `<g transform="translate(10 10) scale(2)"><rect x="1" y="1" width="1" height="1"/></g>`, expected: { minX: 12, minY: 12, maxX: 14, maxY: 14 } },
    { markup: `<path d="M0,0C5,-5 10,5 20,0"/>`, expected: { minX: 0, minY: -5, maxX: 20, maxY: 5 } },
    // the marker's shape and titles are not drawn where they are written
    { markup: `<defs><marker><path d="M 0 0 L 1000 1000 z"/></marker></defs><title>xxxxxxxxxxxxxxxxxxxx</title><rect x="0" y="0" width="1" height="1"/>`, expected: { minX: 0, minY: 0, maxX: 1, maxY: 1 } },
    { markup: `<g transform="translate(5 5)"><svg width="100" height="50"><rect x="0" y="0" width="999" height="999"/></svg></g>`, expected: { minX: 5, minY: 5, maxX: 105, maxY: 55 } },
  ])("$markup", ({ markup, expected }) => {
    expect(drawingBounds(`<g>${markup}</g>`)).toEqual(expected);
  });

  it("a text reaches as far as its characters at 12px monospace, either anchor", () => {
    const b = drawingBounds(`<g><text x="100" y="50">0123456789</text></g>`);
    const w = 10 * 12 * 0.62;
    expect(b.minX).toBeCloseTo(100 - w / 2);
    expect(b.maxX).toBeCloseTo(100 + w);
    expect(b.minY).toBe(38);
  });

  it("parses transforms and path points", () => {
    expect(applyTransform({ sx: 1, sy: 1, tx: 0, ty: 0 }, "translate(3,4) scale(0.5)")).toEqual({ sx: 0.5, sy: 0.5, tx: 3, ty: 4 });
    expect(pathPoints("M1,2L3,4")).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(pathPoints("m1,2l3,4")).toEqual([]);
    expect(pathPoints("M-1.5,.25C1e-3 2E+2,-0.5-7 8.,9Z")).toEqual([
      [-1.5, 0.25],
      [0.001, 200],
      [-0.5, -7],
      [8, 9],
    ]);
    expect(applyTransform({ sx: 2, sy: 2, tx: 1, ty: 1 }, "translate(-3.5 4e1)")).toEqual({ sx: 2, sy: 2, tx: -6, ty: 81 });
  });

  it.each(["translate(1.5 -2) scale(0.6)", "translate(-7e-7,3) scale(2)", "translate(12.25 -300.5) scale(1)", "TRANSLATE(1 2) SCALE(3)", "translate(1 2) scale(NaN)"])(
    "a node's %s reads as the general parser reads it (a trailing space takes that path)",
    (transform) => {
      const frame = { sx: 1.5, sy: 1.5, tx: -4, ty: 9 };
      expect(applyTransform(frame, transform)).toEqual(applyTransform(frame, `${transform} `));
    },
  );
});

describe("text centred on a box", () => {
  it("reaches half its width each way when a sibling rect is centred on it, else allows either anchor", () => {
    const w = 10 * 12 * 0.62;
    const pill = drawingBounds(`<g><g><rect x="-5" y="0" width="10" height="5"/><text x="0" y="20">0123456789</text></g></g>`);
    expect(pill.minX).toBeCloseTo(-w / 2);
    expect(pill.maxX).toBeCloseTo(w / 2);
    const loose = drawingBounds(`<g><g><rect x="40" y="0" width="10" height="5"/><text x="0" y="20">0123456789</text></g></g>`);
    expect(loose.maxX).toBeCloseTo(w);
  });

  it("finds the box when it is drawn after the text, and counts the characters of nested spans", () => {
    const w = 10 * 12 * 0.62;
    const after = drawingBounds(`<g><g><text x="0" y="20">01234<tspan>56789</tspan></text><rect x="-5" y="0" width="10" height="5"/></g></g>`);
    expect(after.minX).toBeCloseTo(-w / 2);
    expect(after.maxX).toBeCloseTo(w / 2);
  });
});
