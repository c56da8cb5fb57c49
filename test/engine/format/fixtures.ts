// Loads the PyTorch-recorded repr fixtures and decodes their exact element values.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DTypeName } from "../../../engine/events.ts";

/** a value as record_format.py wrote it: plain number, special spelling, or "0x" + float64 bits */
export type EncodedValue = number | string;

export interface TensorCase {
  name: string;
  expr: string;
  dtype: DTypeName;
  shape: number[];
  values: EncodedValue[];
  requiresGrad: boolean;
  gradFn: string | null;
  expected: string;
}

export interface MiscFixture {
  sizes: { shape: number[]; expected: string }[];
  dtypes: Record<DTypeName, string>;
  scalars: { x: EncodedValue; f4: string; f0: string; e4: string }[];
}

export function decodeValue(v: EncodedValue): number {
  if (typeof v === "number") return v;
  const special: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity, "-0": -0 };
  if (v in special) return special[v];
  if (!v.startsWith("0x")) throw new Error(`bad fixture value ${v}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(v));
  return view.getFloat64(0);
}

export function loadFixture<T>(file: string): T {
  const path = fileURLToPath(new URL(`../../fixtures/format/${file}`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8")) as T;
}
