import { describe, expect, it } from "vitest";
import type { MemoryModel } from "../../../renderer/src/memory/memoryModel.ts";
import { memoryWindow, WINDOW_FROM_PX } from "../../../renderer/src/memory/memoryWindow.ts";

/** a column of `n` objects 100 px apart, each with a name, a storage and arrows to both */
function tall(n: number): MemoryModel {
  const ys = Array.from({ length: n }, (_, i) => 40 + 100 * i);
  return {
    frames: [{ scope: "<module>", title: "Global frame", y: 0, height: 100 * n + 40 }],
    names: ys.map((y, i) => ({ key: `g|x${i}`, name: `x${i}`, scope: "<module>", tensors: [i], objects: [], text: "", y, now: false })),
    objects: ys.map((y, i) => ({ tensor: i, storage: i, x: 200, y, height: 80, rows: [], grad: null, tangent: null, isTangent: false, values: "", heading: "Tensor", fresh: false, grid: null })),
    instances: [],
    storages: ys.map((y, i) => ({ id: i, y, height: 40, cells: ["1."], more: 0, flash: false, cellW: 40, perRow: 4 })),
    arrows: ys.flatMap((y, i) => [
      { kind: "name" as const, d: "", from: `g|x${i}`, to: i, top: y + 13, bottom: y + 13 },
      // a grad arrow from the first object to the last spans the whole drawing
      ...(i === 0 ? [{ kind: "grad" as const, d: "", from: "t0", to: n - 1, top: y, bottom: 40 + 100 * (n - 1) }] : []),
    ]),
    undrawnObjects: 0,
    width: 600,
    height: 100 * n + 40,
  };
}

describe("memoryWindow: only what is near the screen of a tall memory drawing", () => {
  it.each([
    { what: "a short drawing is drawn whole", n: 10, scrollTop: 0, view: 400, objects: 10 },
    { what: "the top of a tall one: the screen and a margin of 600 px below", n: 200, scrollTop: 0, view: 400, objects: 10 },
    { what: "the middle: a screen's height either side when that is more than 600 px", n: 200, scrollTop: 10000, view: 800, objects: 25 },
    { what: "before the pane is measured: 600 px from the top", n: 200, scrollTop: 0, view: 0, objects: 6 },
  ])("$what", ({ n, scrollTop, view, objects }) => {
    const model = tall(n);
    const shown = memoryWindow(model, scrollTop, view);
    expect(shown.objects).toHaveLength(objects);
    expect(shown.width).toBe(model.width);
    expect(shown.height).toBe(model.height);
    const margin = Math.max(600, view);
    const near = (top: number, bottom: number) => bottom >= scrollTop - margin && top <= scrollTop + view + margin;
    // every item kept reaches into the window, every item left out does not
    expect(shown.objects).toEqual(model.objects.filter((o) => near(o.y, o.y + o.height)));
    expect(shown.names).toEqual(model.names.filter((x) => near(x.y, x.y + 24)));
    expect(shown.storages).toEqual(model.storages.filter((s) => near(s.y, s.y + s.height)));
  });

  it("keeps an arrow that crosses the screen though both its ends are off it, and the frame around everything", () => {
    const shown = memoryWindow(tall(200), 10000, 400);
    expect(shown.arrows.some((a) => a.kind === "grad")).toBe(true);
    expect(shown.frames).toHaveLength(1);
  });

  it("hands back the very model when it is small, and the very lists where nothing was left out", () => {
    const small = tall(5);
    expect(small.height).toBeLessThan(WINDOW_FROM_PX);
    expect(memoryWindow(small, 0, 400)).toBe(small);
    const big = tall(200);
    const shown = memoryWindow(big, 0, 400);
    expect(shown.frames).toBe(big.frames);
    expect(shown.objects[0]).toBe(big.objects[0]);
  });
});
