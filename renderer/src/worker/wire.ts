// Event batches cross from the worker as JSON text: parsing one string is far cheaper for the
// page than structured-cloning thousands of small objects. JSON has no NaN or ±Infinity, so a
// batch that holds one marks them as strings, and only such batches are parsed with a reviver.

import { plainValues, type TraceEvent } from "../../../engine/events.ts";

const NON_FINITE: Record<string, number> = { "\u0000NaN": NaN, "\u0000Infinity": Infinity, "\u0000-Infinity": -Infinity };

export interface WireBatch {
  json: string;
  nonFinite: boolean;
}

export function encodeBatch(events: readonly TraceEvent[]): WireBatch {
  let nonFinite = false;
  const json = JSON.stringify(events, (_key, v) => {
    if (ArrayBuffer.isView(v)) return plainValues(v as unknown as ArrayLike<number>);
    if (typeof v === "number" && !Number.isFinite(v)) {
      nonFinite = true;
      return `\u0000${v}`;
    }
    return typeof v === "bigint" ? Number(v) : v;
  });
  return { json, nonFinite };
}

export function decodeBatch(batch: WireBatch): TraceEvent[] {
  if (!batch.nonFinite) return JSON.parse(batch.json) as TraceEvent[];
  return JSON.parse(batch.json, (_key, v) => (typeof v === "string" && v in NON_FINITE ? NON_FINITE[v] : v)) as TraceEvent[];
}
