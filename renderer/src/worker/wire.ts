// Event batches cross from the worker as JSON text: parsing one string is far cheaper for the
// page than structured-cloning thousands of small objects. JSON has no NaN or ±Infinity, so a
// batch that holds one marks them as strings, and only such batches are parsed with a reviver.
// Element arrays (typed arrays: a tensor's values) are written by a join, not through
// JSON.stringify's replacer, which is called once per element: two 10M-element arrays took 26 s.

import { plainValues, type TraceEvent } from "../../../engine/events.ts";

const NON_FINITE: Record<string, number> = { "\u0000NaN": NaN, "\u0000Infinity": Infinity, "\u0000-Infinity": -Infinity };

export interface WireBatch {
  json: string;
  nonFinite: boolean;
}

/** what stands in for the k-th element array in the first pass (JSON writes \u0001 as "\\u0001") */
const MARK = "\u0001";
const MARKED = /"\\u0001(\d+)"/g;

function finite(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

export function encodeBatch(events: readonly TraceEvent[]): WireBatch {
  let nonFinite = false;
  // a program's own string that starts with the mark could be taken for one: then the slow way
  let clash = false;
  const arrays: string[] = [];
  const json = JSON.stringify(events, (_key, v) => {
    if (ArrayBuffer.isView(v)) {
      const values = v as unknown as ArrayLike<number>;
      // a finite number's JSON text is its String(): -0 is "0" in both
      if (finite(values)) {
        arrays.push(`[${Array.prototype.join.call(values, ",")}]`);
        return MARK + (arrays.length - 1);
      }
      return plainValues(values);
    }
    if (typeof v === "string" && v.startsWith(MARK)) clash = true;
    if (typeof v === "number" && !Number.isFinite(v)) {
      nonFinite = true;
      return `\u0000${v}`;
    }
    return typeof v === "bigint" ? Number(v) : v;
  });
  if (clash) return slowEncode(events);
  return { json: arrays.length ? json.replace(MARKED, (_m, k: string) => arrays[Number(k)]) : json, nonFinite };
}

/** element by element through the replacer (for the batch whose strings look like marks) */
function slowEncode(events: readonly TraceEvent[]): WireBatch {
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
