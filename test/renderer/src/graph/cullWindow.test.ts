import { describe, expect, it } from "vitest";
import { createCullWindow } from "../../../../renderer/src/graph/cullWindow.ts";

const rect = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });

describe("the scene's cull window", () => {
  const cases: { name: string; views: ReturnType<typeof rect>[]; expected: ReturnType<typeof rect>[]; sameAsBefore: boolean[] }[] = [
    {
      name: "a short pan stays in the window (the same object); a long one moves it, centred on the view",
      views: [rect(0, 0, 100, 50), rect(20, 10, 120, 60), rect(200, 0, 300, 50)],
      expected: [rect(-30, -15, 130, 65), rect(-30, -15, 130, 65), rect(170, -15, 330, 65)],
      sameAsBefore: [false, true, false],
    },
    {
      name: "zooming out past the window moves it; zooming in a long way shrinks it",
      views: [rect(0, 0, 100, 100), rect(-50, -50, 150, 150), rect(40, 40, 60, 60)],
      expected: [rect(-30, -30, 130, 130), rect(-110, -110, 210, 210), rect(34, 34, 66, 66)],
      sameAsBefore: [false, false, false],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const cull = createCullWindow(0.3);
      let last: unknown = null;
      c.views.forEach((v, i) => {
        const w = cull(v);
        expect(w).toEqual(c.expected[i]);
        expect(w === last).toBe(c.sameAsBefore[i]);
        last = w;
      });
    });
  it("no view (an export draws everything): no window", () => {
    expect(createCullWindow()(null)).toBeNull();
  });
});
