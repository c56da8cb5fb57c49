// Reading a tensor's elements through its storage, so every alias of a storage sees a write.

import type { TraceState, TensorState } from "./state.ts";

/** Storage positions of a tensor's elements, row-major over its shape. */
export function storageIndices(shape: number[], strides: number[], offset: number): number[] {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Array<number>(n);
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let pos = offset;
    for (let d = 0; d < shape.length; d++) pos += idx[d] * strides[d];
    out[i] = pos;
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** The tensor's elements as they are now in its storage, or [] if either is unknown. */
export function tensorValues(state: TraceState, id: number): number[] {
  const t = state.tensors.get(id);
  if (!t) return [];
  const s = state.storages.get(t.storage);
  if (!s) return [];
  return storageIndices(t.shape, t.strides, t.offset).map((i) => s.values[i]);
}

/** A storage holding `values` laid out for this tensor (used when the storage is first seen
 *  without its own values). Unreached positions stay NaN. */
export function storageFromTensor(t: Pick<TensorState, "shape" | "strides" | "offset">, values: ArrayLike<number>): number[] {
  const idx = storageIndices(t.shape, t.strides, t.offset);
  const size = idx.reduce((m, i) => Math.max(m, i + 1), 0);
  const out = new Array<number>(size).fill(NaN);
  idx.forEach((pos, i) => (out[pos] = values[i]));
  return out;
}
