// Indexed reads and writes along a dim: gather, scatter (tensor src or a value), scatter_add,
// and index_select, with ATen's shape/dtype checks and messages.
// gather's gradient is scatter_add into zeros, index_select's is index_add, as in PyTorch.
import { indexError, runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { contiguousStrides, filled, fromValues, numelOf, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { wrapDim } from "./views.ts";
import { indexAdd } from "./index_along_dim.ts";
import { zerosLikeT } from "./unary.ts";

/** every position of `shape` in row-major order, as per-dim coordinates */
function forEachIndex(shape: readonly number[], fn: (coords: number[], flat: number) => void): void {
  const n = numelOf(shape);
  const coords = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    fn(coords, i);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++coords[d] < shape[d]) break;
      coords[d] = 0;
    }
  }
}

const offsetOf = (coords: readonly number[], strides: readonly number[]): number => {
  let o = 0;
  for (let d = 0; d < coords.length; d++) o += coords[d] * strides[d];
  return o;
};

const sizesText = (s: readonly number[]) => `[${s.join(", ")}]`;

/** zeros the gradient formulas start from (PyTorch's grad.new_zeros(sizes)) */
export function zerosOf(like: Tensor, sizes: number[], how = "zeros"): Tensor {
  return created(filled(like.rt, sizes.slice(), like.dtype), how);
}

export function checkInt64Index(index: Tensor, op: string): void {
  if (index.dtype !== "int64") throw runtimeError(`${op}(): Expected dtype int64 for index`);
}

/** the bound check of ATen's scatter/gather kernels */
function checkBound(v: number, dim: number, size: number): void {
  if (v < 0 || v >= size) throw runtimeError(`index ${v} is out of bounds for dimension ${dim} with size ${size}`);
}

/** torch.gather(self, dim, index): out[..i..] = self[..index[..i..]..] along dim */
export function gather(self: Tensor, dim: number, index: Tensor): Tensor {
  const d = wrapDim(dim, self.dim());
  checkInt64Index(index, "gather");
  const nd = Math.max(self.dim(), 1);
  if (Math.max(index.dim(), 1) !== nd) throw runtimeError("Index tensor must have the same number of dimensions as input tensor");
  const selfShape = self.dim() === 0 ? [1] : self.shape;
  const idxShape = index.dim() === 0 ? [1] : index.shape;
  for (let k = 0; k < nd; k++)
    if (k !== d && idxShape[k] > selfShape[k])
      throw runtimeError(
        `Size does not match at dimension ${k} expected index ${sizesText(index.shape)} to be no larger than self ${sizesText(self.shape)} apart from dimension ${d}`,
      );
  const src = self.values();
  const idx = index.values();
  const strides = contiguousStrides(selfShape);
  const out = new Array<number>(idx.length);
  forEachIndex(idxShape, (c, i) => {
    const v = idx[i];
    checkBound(v, d, selfShape[d]);
    const at = c.slice();
    at[d] = v;
    out[i] = src[offsetOf(at, strides)];
  });
  const sizes = self.shape.slice();
  return record(fromValues(self.rt, out, index.shape.slice(), self.dtype), {
    op: "gather",
    gradFn: "GatherBackward0",
    inputs: [self],
    save: { self, index },
    eventInputs: [self, index],
    backward: ([g], node) => [scatterAdd(zerosOf(g!, sizes), d, node.unpack("index"), g!)],
    jvp: ([t]) => gather(t!, d, index),
  });
}

/** ATen's scatter_shape_check */
export function checkScatterShapes(self: Tensor, d: number, index: Tensor, src: Tensor | null): void {
  const nd = Math.max(self.dim(), 1);
  if (Math.max(index.dim(), 1) !== nd) throw runtimeError("Index tensor must have the same number of dimensions as self tensor");
  if (src && Math.max(src.dim(), 1) !== nd) throw runtimeError("Index tensor must have the same number of dimensions as src tensor");
  const ishape = index.dim() === 0 ? [1] : index.shape;
  const sshape = self.dim() === 0 ? [1] : self.shape;
  const srcShape = src ? (src.dim() === 0 ? [1] : src.shape) : null;
  let wrong = false;
  for (let k = 0; k < nd; k++) {
    if (k !== d && ishape[k] > sshape[k]) wrong = true;
    if (srcShape && ishape[k] > srcShape[k]) wrong = true;
  }
  if (wrong)
    throw runtimeError(
      `Expected index ${sizesText(index.shape)} to be no larger than self ${sizesText(self.shape)} apart from dimension ${d}` +
        (src ? ` and to be no larger size than src ${sizesText(src.shape)}` : ""),
    );
}

/** write (or add) src's elements at index positions of a copy of self */
export function scatterValues(self: Tensor, d: number, index: Tensor, src: Tensor | number, add: boolean): number[] {
  const out = self.values();
  const idx = index.values();
  const sshape = self.dim() === 0 ? [1] : self.shape;
  const ishape = index.dim() === 0 ? [1] : index.shape;
  const strides = contiguousStrides(sshape);
  const srcVals = typeof src === "number" ? null : src.values();
  const srcStrides = typeof src === "number" ? [] : contiguousStrides(src.dim() === 0 ? [1] : src.shape);
  const round = self.dtype === "float32" ? Math.fround : (v: number) => v;
  forEachIndex(ishape, (c, i) => {
    const v = idx[i];
    checkBound(v, d, sshape[d]);
    const at = c.slice();
    at[d] = v;
    const o = offsetOf(at, strides);
    const s = srcVals ? srcVals[offsetOf(c, srcStrides)] : (src as number);
    out[o] = add ? round(out[o] + s) : s;
  });
  return out;
}

/** self.scatter(dim, index, src): ScatterBackward0 */
export function scatter(self: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  const d = wrapDim(dim, self.dim());
  checkInt64Index(index, "scatter");
  if (self.dtype !== src.dtype) throw runtimeError("scatter(): Expected self.dtype to be equal to src.dtype");
  checkScatterShapes(self, d, index, src);
  const out = fromValues(self.rt, scatterValues(self, d, index, src, false), self.shape.slice(), self.dtype);
  return record(out, {
    op: "scatter",
    gradFn: "ScatterBackward0",
    inputs: [self, src],
    save: { index },
    eventInputs: [self, index, src],
    backward: ([g], node) => {
      const i = node.unpack("index");
      return [node.needs(0) ? scatterValue(g!, d, i, 0) : null, node.needs(1) ? gather(g!, d, i) : null];
    },
    // self_t.scatter(dim, index, src_t), a missing tangent a zero tensor
    jvp: ([ts, tsrc]) => scatter(ts ?? zerosLikeT(self), d, index, tsrc ?? zerosLikeT(src)),
  });
}

/** self.scatter(dim, index, value) with a Python number: ScatterBackward1 */
export function scatterValue(self: Tensor, dim: number, index: Tensor, value: number): Tensor {
  const d = wrapDim(dim, self.dim());
  checkInt64Index(index, "scatter");
  checkScatterShapes(self, d, index, null);
  const v = self.dtype === "float32" ? Math.fround(value) : value;
  const out = fromValues(self.rt, scatterValues(self, d, index, v, false), self.shape.slice(), self.dtype);
  return record(out, {
    op: "scatter",
    gradFn: "ScatterBackward1",
    inputs: [self],
    save: { index },
    eventInputs: [self, index],
    backward: ([g], node) => [scatterValue(g!, d, node.unpack("index"), 0)],
    jvp: ([t]) => scatterValue(t!, d, index, 0),
  });
}

/** self.scatter_add(dim, index, src): ScatterAddBackward0 (gather's gradient) */
export function scatterAdd(self: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  const d = wrapDim(dim, self.dim());
  checkInt64Index(index, "scatter_add");
  if (self.dtype !== src.dtype) throw runtimeError("scatter(): Expected self.dtype to be equal to src.dtype");
  checkScatterShapes(self, d, index, src);
  const out = fromValues(self.rt, scatterValues(self, d, index, src, true), self.shape.slice(), self.dtype);
  return record(out, {
    op: "scatter_add",
    gradFn: "ScatterAddBackward0",
    inputs: [self, src],
    save: { index },
    eventInputs: [self, index, src],
    backward: ([g], node) => [node.needs(0) ? g : null, node.needs(1) ? gather(g!, d, node.unpack("index")) : null],
    jvp: ([ts, tsrc]) => scatterAdd(ts ?? zerosLikeT(self), d, index, tsrc ?? zerosLikeT(src)),
  });
}

function checkSelectIndex(index: Tensor): void {
  if (index.dim() > 1) throw indexError("index_select(): Index is supposed to be a vector");
  if (index.dtype !== "int64" && index.dtype !== "int32")
    throw runtimeError("index_select(): Expected dtype int32 or int64 for index");
}

/** torch.index_select(self, dim, index): whole slices along dim, in index order */
export function indexSelect(self: Tensor, dim: number, index: Tensor): Tensor {
  const d = wrapDim(dim, self.dim());
  checkSelectIndex(index);
  const idx = index.values();
  const size = self.dim() === 0 ? 1 : self.shape[d];
  for (const v of idx)
    if (v < 0 || v >= size) {
      // ATen's dim-1 kernel for matrices and up words it differently from the general one
      if (self.dim() > 1 && d === 1) throw runtimeError(`INDICES element is out of DATA bounds, id=${v} axis_dim=${size}`);
      throw indexError("index out of range in self");
    }
  const sshape = self.dim() === 0 ? [1] : self.shape;
  const outShape = sshape.slice();
  outShape[d] = idx.length;
  const src = self.values();
  const strides = contiguousStrides(sshape);
  const out = new Array<number>(numelOf(outShape));
  forEachIndex(outShape, (c, i) => {
    const at = c.slice();
    at[d] = idx[c[d]];
    out[i] = src[offsetOf(at, strides)];
  });
  const sizes = self.shape.slice();
  return record(fromValues(self.rt, out, self.dim() === 0 ? [] : outShape, self.dtype), {
    op: "index_select",
    gradFn: "IndexSelectBackward0",
    inputs: [self],
    save: { index },
    eventInputs: [self, index],
    backward: ([g], node) => [indexAdd(zerosOf(g!, sizes), d, node.unpack("index"), g!)],
    jvp: ([t]) => indexSelect(t!, d, index),
  });
}
