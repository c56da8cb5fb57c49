import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parsePlain, toDot } from "../../bench/layout.ts";
import { countRouteCrossings } from "../../../renderer/layout/route-crossings.ts";
import { opNode } from "./graphs.ts";

describe("the bench's Graphviz side", () => {
  it("writes the graph as DOT with the same node sizes in inches, inputs at the bottom", () => {
    const dot = toDot({
      nodes: [
        opNode(1, "AccumulateGrad", "accumulate"),
        { id: 2, kind: "op", label: "MulBackward0", width: 144, height: 36 },
      ],
      edges: [{ source: 1, target: 2 }],
    });
    expect(dot.split("\n")).toEqual([
      "digraph G {",
      "  rankdir=BT;",
      "  node [shape=box, fixedsize=true, fontsize=10];",
      '  n1 [label="AccumulateGrad", width=1.6389, height=0.3889];',
      '  n2 [label="MulBackward0", width=2.0000, height=0.5000];',
      "  n1 -> n2;",
      "}",
    ]);
  });

  it("reads -Tplain positions in points with y flipped, and samples each edge's Bézier", () => {
    const plain = [
      "graph 1 2 1.5",
      "node n1 1 0.25 1.6389 0.3889 AccumulateGrad solid box black lightgrey",
      "node n2 1 1.25 2 0.5 MulBackward0 solid box black lightgrey",
      "edge n1 n2 4 1 0.44 1 0.6 1 0.8 1 1 solid black",
      "stop",
    ].join("\n");
    const { nodes, edges } = parsePlain(plain);
    expect(nodes.get(1)).toEqual({ x: 72, y: -18 });
    expect(nodes.get(2)).toEqual({ x: 72, y: -90 });
    expect(edges.length).toBe(1);
    expect(edges[0].points[0][0]).toBeCloseTo(72);
    expect(edges[0].points[0][1]).toBeCloseTo(-0.44 * 72);
    expect(edges[0].points[edges[0].points.length - 1][1]).toBeCloseTo(-72);
  });

  it.skipIf(!existsSync("/usr/bin/dot"))(
    "counts, on dot's own drawing, the one crossing K(2,2) cannot avoid, and none in a tree",
    () => {
      const count = (edges: [number, number][], ids: number[]): number => {
        const graph = {
          nodes: ids.map((id) => opNode(id, "Op")),
          edges: edges.map(([source, target]) => ({ source, target })),
        };
        const out = spawnSync("/usr/bin/dot", ["-Tplain"], {
          input: toDot(graph),
          encoding: "utf8",
        });
        const drawn = parsePlain(out.stdout);
        return countRouteCrossings(drawn.nodes, drawn.edges);
      };
      expect(
        count(
          [
            [1, 3],
            [1, 4],
            [2, 3],
            [2, 4],
          ],
          [1, 2, 3, 4],
        ),
      ).toBe(1);
      expect(
        count(
          [
            [1, 3],
            [2, 3],
            [3, 5],
            [4, 5],
          ],
          [1, 2, 3, 4, 5],
        ),
      ).toBe(0);
    },
  );
});
