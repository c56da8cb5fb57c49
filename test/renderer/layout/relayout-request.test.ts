import { describe, expect, it } from "vitest";
import { layoutGraph } from "../../../renderer/layout/layout.ts";
import { handleRelayout } from "../../../renderer/layout/relayout-request.ts";
import { diamondGraph, opNode } from "./graphs.ts";

describe("the relayout worker's handler", () => {
  it("answers a request with the same layout as a direct call, tagged with the request's number, and clonable", () => {
    const response = handleRelayout({ seq: 7, graph: diamondGraph() });
    expect(response.seq).toBe(7);
    if (!("layout" in response)) throw new Error(response.error);
    expect(response.layout).toEqual(layoutGraph(diamondGraph()));
    expect(structuredClone(response.layout)).toEqual(response.layout);
  });

  it("turns a bad graph into an error answer instead of killing the worker", () => {
    const response = handleRelayout({
      seq: 8,
      graph: { nodes: [opNode(1, "A")], edges: [{ source: 1, target: 2 }] },
    });
    expect(response).toEqual({
      seq: 8,
      error: "layout: edge 1 -> 2 names a node that is not in the graph",
    });
  });
});
