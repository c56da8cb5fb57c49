import { describe, expect, it } from "vitest";
import { minimapCorner } from "../../../../renderer/src/graph/stepFocus.ts";

// a pane of 900 x 500, a minimap of 180 x 120, 8 px from the edges
const box = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });

describe("minimapCorner: the minimap moves off what the step touches", () => {
  const cases = [
    { what: "nothing to avoid", avoid: [], expected: "bottom-right" },
    { what: "nodes in the bottom right", avoid: [box(750, 400, 850, 480)], expected: "bottom-left" },
    { what: "nodes along the whole bottom", avoid: [box(0, 380, 900, 500)], expected: "top-left" },
    { what: "nodes along the bottom and the left", avoid: [box(0, 380, 900, 500), box(0, 0, 200, 500)], expected: "top-right" },
  ] as const;
  for (const c of cases) it(c.what, () => expect(minimapCorner(900, 500, 180, 120, c.avoid)).toBe(c.expected));

  it("no corner clear: the least covered one, or none when asked to be strict", () => {
    const avoid = [box(0, 0, 900, 60), box(0, 420, 900, 500), box(0, 0, 100, 500), box(850, 0, 900, 500)];
    expect(minimapCorner(900, 500, 180, 120, avoid, 8, true)).toBeNull();
    expect(minimapCorner(900, 500, 180, 120, [box(0, 0, 900, 500), box(700, 0, 900, 100)])).not.toBe("top-right");
  });
});
