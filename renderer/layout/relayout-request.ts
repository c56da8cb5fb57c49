// The relayout worker's job as a pure function: a numbered request in, its layout (or an error) out.

import { layoutGraph } from "./layout.ts";
import type { Layout, LayoutGraph, LayoutOptions } from "./types.ts";

export interface RelayoutRequest {
  /** increases with every request; the view keeps only the answer to its latest */
  seq: number;
  graph: LayoutGraph;
  options?: Partial<LayoutOptions>;
}

export type RelayoutResponse =
  { seq: number; layout: Layout; ms: number } | { seq: number; error: string };

/** The worker's whole job, callable directly in tests and in the CLI. The Layout's Map survives
 *  structured cloning, so it crosses postMessage as it is. */
export function handleRelayout(request: RelayoutRequest): RelayoutResponse {
  const start = performance.now();
  try {
    return {
      seq: request.seq,
      layout: layoutGraph(request.graph, request.options),
      ms: performance.now() - start,
    };
  } catch (error) {
    return { seq: request.seq, error: error instanceof Error ? error.message : String(error) };
  }
}
