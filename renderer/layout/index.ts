// The layout's public face: full and incremental layered layout, collapse, search, trace conversion.

export type * from "./types.ts";
export { defaultLayoutOptions } from "./types.ts";
export { relayout, layoutGraph } from "./layout.ts";
export type { LayoutState } from "./layout.ts";
export { appendNode, appendNodes, removeNodes } from "./append.ts";
export type { AppendResult } from "./append.ts";
export { findRepeatedChains, collapseGraph, groupIdFor } from "./collapse.ts";
export type { NodeGroup, CollapsedGraph } from "./collapse.ts";
export { searchNodes } from "./search.ts";
export type { SearchHit } from "./search.ts";
export { graphFromTrace, estimateNodeSize } from "./from-trace.ts";
export { countRouteCrossings } from "./route-crossings.ts";
export { handleRelayout } from "./relayout-request.ts";
export type { RelayoutRequest, RelayoutResponse } from "./relayout-request.ts";
