// Which timeline marker an event gets, and binning markers into scrubber columns.

import type { TraceEvent } from "../events.ts";

export type MarkerKind = "forward" | "backward" | "accumulate" | "free" | "inplace" | "error";

/** Higher wins when several markers share one scrubber column. */
const PRIORITY: Record<MarkerKind, number> = {
  forward: 1,
  free: 2,
  accumulate: 3,
  inplace: 4,
  backward: 5,
  error: 6,
};

export function markerOf(e: TraceEvent): MarkerKind | null {
  switch (e.kind) {
    case "op/applied":
      return "forward";
    case "backward/started":
      return "backward";
    case "grad/accumulated":
      return "accumulate";
    case "saved/freed":
    case "graph/freed":
      return "free";
    case "tensor/mutated":
      return "inplace";
    case "error/raised":
      return "error";
    default:
      return null;
  }
}

export interface MarkerColumn {
  column: number;
  kind: MarkerKind;
  /** the first event in the column with that kind, to jump to */
  step: number;
}

/** One marker per column of a `columns`-wide scrubber for `events`, the most telling kind winning. */
export function binMarkers(events: readonly TraceEvent[], columns: number): MarkerColumn[] {
  const out = new Map<number, MarkerColumn>();
  const n = events.length;
  if (n === 0 || columns <= 0) return [];
  for (let i = 0; i < n; i++) {
    const kind = markerOf(events[i]);
    if (!kind) continue;
    const column = n === 1 ? 0 : Math.min(columns - 1, Math.floor((i / (n - 1)) * (columns - 1) + 0.5));
    const have = out.get(column);
    if (!have || PRIORITY[kind] > PRIORITY[have.kind]) out.set(column, { column, kind, step: i });
  }
  return [...out.values()].sort((a, b) => a.column - b.column);
}
