// as_strided and its backward (ATen's as_strided_backward), written with engine ops so a
// create_graph backward records them: what CopySlices and a regenerated view's
// AsStridedBackward0 use to move a gradient between a view and its base.
import { allocate } from "../dtype.ts";
import { Storage, Tensor, filled, fromValues, makeView, storageBytes } from "../tensor.ts";
import { record } from "../autograd/record.ts";
import { created } from "./create.ts";
import { copy_ } from "./inplace.ts";
import { div } from "./arith.ts";

/** sizes, strides and storage offset: PyTorch's TensorGeometry */
export interface Geometry {
  shape: number[];
  strides: number[];
  offset: number;
}

export const geometryOf = (t: Tensor): Geometry => ({ shape: t.shape.slice(), strides: t.strides.slice(), offset: t.offset });

/** one past the furthest element the geometry reaches, from storage offset `offset` */
function minStorageSize(shape: number[], strides: number[], offset: number): number {
  let size = offset + 1;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 0) return offset;
    size += (shape[i] - 1) * strides[i];
  }
  return size;
}

/** ATen's _maybe_overlapping_memory: could two indices reach one storage element? */
function maybeOverlapping(shape: number[], strides: number[]): boolean {
  const order = shape.map((_, i) => i).sort((i, j) => strides[i] - strides[j]);
  let maxIndex = 0;
  for (const i of order) {
    if (strides[i] <= maxIndex) return true;
    maxIndex += strides[i] * (shape[i] - 1);
  }
  return false;
}

/** storage offsets a geometry visits, row-major */
function offsetsOf(shape: number[], strides: number[], offset: number): number[] {
  const out: number[] = [];
  const nd = shape.length;
  const n = shape.reduce((p, q) => p * q, 1);
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0; i < n; i++) {
    let off = offset;
    for (let d = 0; d < nd; d++) off += idx[d] * strides[d];
    out.push(off);
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** new_empty_strided (zero-filled): a fresh tensor laid out with the given strides */
export function emptyStrided(like: Tensor, shape: number[], strides: number[]): Tensor {
  const n = minStorageSize(shape, strides, 0);
  like.rt.checkElements(n);
  like.rt.noteAllocation(storageBytes(like.dtype, Math.max(n, 0)));
  const storage = new Storage(like.rt.newStorageId(), allocate(like.dtype, Math.max(n, 0)));
  return created(new Tensor(like.rt, storage, shape.slice(), strides.slice(), 0, like.dtype), "new_empty_strided");
}

/** t.as_strided(size, stride, storage_offset): a view anywhere in t's storage */
export function asStrided(t: Tensor, size: number[], stride: number[], offset: number): Tensor {
  const input = geometryOf(t);
  return record(makeView(t, size.slice(), stride.slice(), offset), {
    op: "as_strided",
    gradFn: "AsStridedBackward0",
    inputs: [t],
    view: true,
    backward: ([g]) => [asStridedBackward(g!, input, size, stride, offset)],
  });
}

/** the gradient of as_strided: scatter `grad` (laid out as the output geometry) into zeros
 *  laid out as the input geometry, summing where output elements share memory */
export function asStridedBackward(grad: Tensor, input: Geometry, size: number[], stride: number[], offset: number): Tensor {
  const rt = grad.rt;
  const shared = Math.min(input.offset, offset);
  const inpOffset = input.offset - shared;
  const outOffset = offset - shared;
  const n = Math.max(minStorageSize(input.shape, input.strides, inpOffset), minStorageSize(size, stride, outOffset));
  let storage = created(filled(rt, [n], grad.dtype), "new_zeros");
  if (maybeOverlapping(size, stride)) {
    // index_add_: several gradient elements land on one storage element
    storage = scatterAdd(grad, offsetsOf(size, stride, outOffset), n);
  } else copy_(asStrided(storage, size, stride, outOffset), grad);
  if (maybeOverlapping(input.shape, input.strides)) {
    const counts = new Array<number>(n).fill(0);
    for (const off of offsetsOf(input.shape, input.strides, inpOffset)) counts[off]++;
    storage = div(storage, fromValues(rt, counts.map((c) => Math.max(c, 1)), [n], grad.dtype));
  }
  return asStrided(storage, input.shape, input.strides, inpOffset);
}

/** zeros(n) with src's elements added at the given offsets (index_add_) */
function scatterAdd(src: Tensor, offsets: number[], n: number): Tensor {
  const values = src.values();
  const summed = new Array<number>(n).fill(0);
  offsets.forEach((off, i) => (summed[off] += values[i]));
  const shape = src.shape.slice();
  return record(fromValues(src.rt, summed, [n], src.dtype), {
    op: "index_add_",
    gradFn: "IndexAddBackward0",
    inputs: [null, src],
    backward: ([g]) => [null, gatherAt(g!, offsets, shape)],
  });
}

/** the elements of a flat tensor at the given offsets, shaped as `shape` (index_select) */
function gatherAt(flat: Tensor, offsets: number[], shape: number[]): Tensor {
  const values = flat.values();
  const n = flat.numel;
  return record(fromValues(flat.rt, offsets.map((o) => values[o]), shape, flat.dtype), {
    op: "index_select",
    gradFn: "IndexSelectBackward0",
    inputs: [flat],
    backward: ([g]) => [scatterAdd(g!, offsets, n)],
  });
}
