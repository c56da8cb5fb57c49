import { describe, expect, it } from "vitest";
import type { Point } from "../../../../renderer/layout/types.ts";
import { boxIndex, nodeRoom, shapeLabelBox, shapeLabelT, type Box } from "../../../../renderer/src/graph/labelPlacement.ts";
import { MODULE_TAB_HEIGHT, placeModuleTabs, segmentHits, tabWidth } from "../../../../renderer/src/graph/moduleLabels.ts";
import type { ModuleBox } from "../../../../renderer/src/graph/moduleGroups.ts";

const box = (id: number, label: string, x0: number, y0: number, x1: number, y1: number): ModuleBox => ({ id, label, members: [], x0, y0, x1, y1 });
const overlaps = (a: Box, b: Box): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
const asBox = (t: { x: number; y: number; width: number; height: number }): Box => ({ x0: t.x, y0: t.y, x1: t.x + t.width, y1: t.y + t.height });

describe("segmentHits", () => {
  const r = { x0: 0, y0: 0, x1: 10, y1: 10 };
  it.each([
    { p: [5, -5], q: [5, 15], expected: true },
    { p: [-5, -5], q: [15, 15], expected: true },
    { p: [20, -5], q: [20, 15], expected: false },
    { p: [-5, 12], q: [15, 12], expected: false },
    { p: [2, 2], q: [3, 3], expected: true },
    { p: [11, 0], q: [20, -9], expected: false },
  ])("$p -> $q through the box: $expected", ({ p, q, expected }) => expect(segmentHits(p as Point, q as Point, r)).toBe(expected));
});

describe("placeModuleTabs", () => {
  it("puts a lone box's tab on its top border at the left", () => {
    const b = box(1, "fc1 (Linear)", 0, 0, 300, 100);
    const tab = placeModuleTabs([b], { nodes: [], texts: [], routes: [] }).get(1)!;
    expect(tab.text).toBe("fc1 (Linear) ▾");
    expect(tab.y + tab.height / 2).toBe(0);
    expect(tab.x).toBe(8);
    expect(tab.width).toBeCloseTo(tabWidth("fc1 (Linear)"));
    expect(tab.height).toBe(MODULE_TAB_HEIGHT);
  });
  it("slides off an edge leaving the box through its top and off a shape label on it", () => {
    const b = box(1, "fc2 (Linear)", 0, 0, 200, 100);
    const route: Point[] = [[60, 40], [60, -60]];
    const shape = shapeLabelBox([60, -4], "[4, 1]");
    const tab = asBox(placeModuleTabs([b], { nodes: [], texts: [shape], routes: [route] }).get(1)!);
    expect(overlaps(tab, shape)).toBe(false);
    expect(segmentHits(route[0], route[1], tab)).toBe(false);
    expect(tab.y0 + MODULE_TAB_HEIGHT / 2).toBe(0);
  });
  it("keeps clear of a node and its version badge above the box", () => {
    const b = box(1, "TwoLayer", 0, 0, 400, 200);
    const node = { x: 70, y: -30, width: 120, height: 40 };
    const tab = asBox(placeModuleTabs([b], { nodes: [node], texts: [], routes: [] }).get(1)!);
    expect(overlaps(tab, nodeRoom(node))).toBe(false);
  });
  it("gives nested boxes tabs that do not cover each other", () => {
    const outer = box(1, "Net", 0, 0, 400, 200);
    const inner = box(2, "fc1 (Linear)", 12, 12, 388, 188);
    const tabs = placeModuleTabs([outer, inner], { nodes: [], texts: [], routes: [] });
    expect(overlaps(asBox(tabs.get(1)!), asBox(tabs.get(2)!))).toBe(false);
  });
  it("uses the bottom border when the top one is covered all along", () => {
    const b = box(1, "act (Tanh)", 0, 0, 200, 100);
    const wall = { x0: -300, y0: -20, x1: 500, y1: 20 };
    const tab = asBox(placeModuleTabs([b], { nodes: [], texts: [wall], routes: [] }).get(1)!);
    expect(tab.y0 + MODULE_TAB_HEIGHT / 2).toBe(100);
  });
});

describe("shapeLabelT", () => {
  const route: Point[] = [[0, 100], [0, 0]];
  it("stays mid-edge when nothing is there", () => expect(shapeLabelT(route, "[4, 3]", boxIndex([]))).toBe(0.5));
  it("moves off a node's version badge at mid-edge", () => {
    const badge = nodeRoom({ x: 60, y: 70, width: 100, height: 30 });
    const t = shapeLabelT(route, "[4, 3]", boxIndex([badge]));
    expect(t).not.toBe(0.5);
    expect(overlaps(shapeLabelBox([0, 100 - 100 * t], "[4, 3]"), badge)).toBe(false);
  });
});
