import { describe, expect, it } from "vitest";
import { searchNodes } from "../../../renderer/layout/index.ts";
import type { LayoutGraph } from "../../../renderer/layout/types.ts";

const graph: LayoutGraph = {
  nodes: [
    { id: 1, kind: "accumulate", label: "AccumulateGrad", width: 118, height: 28, names: ["w1"] },
    { id: 2, kind: "accumulate", label: "AccumulateGrad", width: 118, height: 28, names: ["w10"] },
    { id: 3, kind: "op", label: "MulBackward0", width: 104, height: 28, names: ["h"] },
    { id: 4, kind: "op", label: "MulBackward0", width: 104, height: 28 },
    { id: 5, kind: "op", label: "TanhBackward0", width: 111, height: 28, names: ["out", "y_hat"] },
    { id: 6, kind: "op", label: "PowBackward0", width: 104, height: 28, names: ["loss"] },
  ],
  edges: [],
};

describe("searchNodes", () => {
  it.each([
    {
      query: "w1",
      expected: [
        [1, "name", "w1", 0],
        [2, "name", "w10", 2],
      ],
    },
    {
      query: "W1",
      expected: [
        [1, "name", "w1", 0],
        [2, "name", "w10", 2],
      ],
    },
    {
      query: "mul",
      expected: [
        [3, "label", "MulBackward0", 1],
        [4, "label", "MulBackward0", 1],
      ],
    },
    {
      query: "MulBackward0",
      expected: [
        [3, "label", "MulBackward0", 0],
        [4, "label", "MulBackward0", 0],
      ],
    },
    { query: "tanh", expected: [[5, "label", "TanhBackward0", 1]] },
    { query: "hat", expected: [[5, "name", "y_hat", 3]] },
    { query: "h", expected: [[3, "name", "h", 0]] },
    { query: "loss", expected: [[6, "name", "loss", 0]] },
    {
      query: "accumulate",
      expected: [
        [1, "label", "AccumulateGrad", 2],
        [2, "label", "AccumulateGrad", 2],
      ],
    },
    { query: "  ", expected: [] },
    { query: "relu", expected: [] },
  ])("finds $query", ({ query, expected }) => {
    const hits = searchNodes(graph, query).filter((h) => expected.length === 0 || h.rank <= 3);
    expect(hits.slice(0, expected.length).map((h) => [h.id, h.field, h.text, h.rank])).toEqual(
      expected,
    );
  });

  it("ranks exact names first, then op names, prefixes, substrings; creation order among equals", () => {
    expect(searchNodes(graph, "h").map((h) => h.id)).toEqual([3, 5]);
    expect(searchNodes(graph, "backward", 2).map((h) => h.id)).toEqual([3, 4]);
  });
});
