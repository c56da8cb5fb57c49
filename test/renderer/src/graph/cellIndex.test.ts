// CellIndex (canvasDraw.ts): the canvas finds what a region needs redrawn through it, so a query must
// return every item whose box meets the region, whatever the box's size (long edges are filed on
// coarser grids), and nothing once removed.
import { describe, expect, it } from "vitest";
import { CellIndex, overlaps, type Box } from "../../../../renderer/src/graph/canvasDraw.ts";

const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });

const items: [string, Box][] = [
  ["node", box(10, 10, 90, 40)],
  ["short edge", box(0, 0, 300, 600)],
  ["edge through 5,000 layers", box(100, 0, 116, 300_000)],
  ["wide and tall", box(-50_000, -50_000, 50_000, 400_000)],
  ["far node", box(70_000, 250_000, 70_100, 250_040)],
];

const queries: Box[] = [box(0, 0, 1, 1), box(105, 150_000, 106, 150_001), box(70_050, 250_020, 70_051, 250_021), box(-10, 599, 5, 601), box(200_000, 0, 200_001, 1)];

describe("CellIndex", () => {
  it.each(queries.map((q) => ({ q })))("finds every item whose box meets $q", ({ q }) => {
    const index = new CellIndex<string>();
    for (const [name, b] of items) index.add(name, b);
    const found = index.query(q);
    for (const [name, b] of items) if (overlaps(b, q)) expect(found.has(name)).toBe(true);
  });

  it("forgets removed items at every grid", () => {
    const index = new CellIndex<string>();
    for (const [name, b] of items) index.add(name, b);
    for (const [name, b] of items) index.remove(name, b);
    for (const q of queries) expect([...index.query(q)]).toEqual([]);
  });

  it("answers a point query in the middle of a long edge with that edge, not with a far one", () => {
    const index = new CellIndex<string>();
    index.add("long", box(100, 0, 116, 300_000));
    index.add("elsewhere", box(5_000, 0, 5_016, 1_000));
    expect([...index.query(box(108, 123_456, 108, 123_456))]).toEqual(["long"]);
  });
});
