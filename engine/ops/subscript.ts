// x[...] and x[...] = v as PyTorch's Python bindings do them (python_variable_indexing.cpp and
// ATen's TensorIndexing.h): ints select, slices slice, None unsqueezes, one Ellipsis stands for
// the dims not named, and tensors (lists arrive as tensors) are collected at the dim they stand
// for and applied together as advanced indexing (index / index_put_) after the views.
import { castValue, scalarToNumber, type Scalar } from "../dtype.ts";
import { indexError, valueError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, makeView, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { select, slice } from "./index_ops.ts";
import { index, indexPut_ } from "./advanced_index.ts";
import { copy_, fill_ } from "./inplace.ts";
import { expand, unsqueeze, view } from "./views.ts";

export type IndexItem =
  | { kind: "int"; value: number }
  | { kind: "slice"; start: number | null; stop: number | null; step: number | null }
  | { kind: "none" }
  | { kind: "ellipsis" }
  | { kind: "bool"; value: boolean }
  | { kind: "tensor"; tensor: Tensor };

/** PySlice_Unpack's defaults for a missing stop */
const INDEX_MAX = Number.MAX_SAFE_INTEGER;

/** the dims an index names: everything but None, Ellipsis and Python bools; a mask names its dims */
function countSpecified(items: readonly IndexItem[]): number {
  let n = 0;
  for (const it of items) {
    if (it.kind === "tensor") n += it.tensor.dtype === "bool" ? it.tensor.dim() : 1;
    else if (it.kind === "int" || it.kind === "slice") n++;
  }
  return n;
}

/** applySelect: the bounds check names the position in the index tuple */
function applySelect(t: Tensor, dim: number, i: number, realDim: number): Tensor {
  if (t.dim() === 0) {
    if (i === 0 && dim === 0)
      throw indexError(
        "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number",
      );
    throw indexError(`index ${i} is out of bounds for dimension 0 with size 0`);
  }
  const size = t.shape[dim];
  if (!(size > -1 - i && size > i)) throw indexError(`index ${i} is out of bounds for dimension ${realDim} with size ${size}`);
  return select(t, dim, i, realDim);
}

/** applySlice: a slice from 0 to exactly the size with step 1 is skipped unless told otherwise */
function applySlice(t: Tensor, dim: number, s: Extract<IndexItem, { kind: "slice" }>, keepFull: boolean): Tensor {
  const step = s.step ?? 1;
  if (step === 0) throw valueError("slice step cannot be zero");
  if (step < 0) throw valueError("step must be greater than zero");
  if (t.dim() === 0) throw indexError("slice() cannot be applied to a 0-dim tensor.");
  const start = s.start ?? 0;
  const stop = s.stop ?? INDEX_MAX;
  if (!keepFull && start === 0 && stop === t.shape[dim] && step === 1) return t;
  return slice(t, dim, start, stop, step);
}

/** boolToIndexingTensor: True indexes the new dim with [0], False with an empty index */
function boolIndex(t: Tensor, value: boolean): Tensor {
  return created(fromValues(t.rt, value ? [0] : [], [value ? 1 : 0], "int64"), "bool index");
}

/** applySlicing: the views, and the tensor indices collected by the dim they stand for */
function applySlicing(t: Tensor, items: readonly IndexItem[], keepFull: boolean): { sliced: Tensor; indices: (Tensor | null)[] } {
  const specified = countSpecified(items);
  if (specified > t.dim()) throw indexError(`too many indices for tensor of dimension ${t.dim()}`);
  const indices: (Tensor | null)[] = [];
  const put = (x: Tensor, dim: number): void => {
    while (indices.length < dim) indices.push(null);
    indices[dim] = x;
  };
  let r = t;
  let dim = 0;
  items.forEach((it, i) => {
    switch (it.kind) {
      case "int":
        r = applySelect(r, dim, it.value, i);
        return;
      case "slice":
        r = applySlice(r, dim++, it, keepFull);
        return;
      case "ellipsis":
        dim += t.dim() - specified;
        return;
      case "none":
        r = unsqueeze(r, dim++);
        return;
      case "bool":
        r = unsqueeze(r, dim);
        put(boolIndex(r, it.value), dim++);
        return;
      case "tensor": {
        const x = it.tensor;
        if (x.dim() === 0 && x.dtype !== "float32" && x.dtype !== "float64") {
          if (x.dtype !== "bool") r = applySelect(r, dim, x.at(0), i);
          else {
            r = unsqueeze(r, dim);
            put(boolIndex(r, x.at(0) !== 0), dim++);
          }
        } else put(x, dim++);
      }
    }
  });
  return { sliced: r, indices };
}

/** x[:] and x[...] give a new view of the same elements: AliasBackward0 */
function alias(t: Tensor): Tensor {
  return record(makeView(t, t.shape.slice(), t.strides.slice(), t.offset), {
    op: "alias",
    gradFn: "AliasBackward0",
    inputs: [t],
    view: true,
    backward: ([g]) => [g],
    jvp: ([tt]) => alias(tt!),
  });
}

/** x[items]. `single`: the index was one int, slice, None, Ellipsis or bool, not a tuple */
export function getItem(t: Tensor, items: readonly IndexItem[], single = false): Tensor {
  if (single && items.length === 1) {
    const it = items[0];
    if (it.kind === "int") return applySelect(t, 0, it.value, 0);
    if (it.kind === "slice") return applySlice(t, 0, it, true);
    if (it.kind === "none") return unsqueeze(t, 0);
    if (it.kind === "ellipsis") return alias(t);
    if (it.kind === "bool") {
      const u = unsqueeze(t, 0);
      return index(u, [boolIndex(u, it.value)]);
    }
  }
  const { sliced, indices } = applySlicing(t, items, false);
  if (indices.length === 0) return sliced === t ? alias(t) : sliced;
  return index(sliced, indices);
}

/** x[items] = value. A Python number becomes a 0-dim tensor of x's dtype (valueToTensor). */
export function setItem(x: Tensor, items: readonly IndexItem[], value: Tensor | Scalar, single = false): void {
  const src =
    typeof value === "object"
      ? value
      : created(fromValues(x.rt, [castValue(scalarToNumber(value), x.dtype)], [], x.dtype), "setitem value");
  if (single && items.length === 1) {
    const it = items[0];
    if (it.kind === "bool" && !it.value) return;
    if (it.kind === "ellipsis") return copyTo(x, src);
    if (it.kind === "none" || it.kind === "bool") return copyTo(unsqueeze(x, 0), src);
    if (it.kind === "int") return copyTo(applySelect(x, 0, it.value, 0), src);
    if (it.kind === "slice") return copyTo(applySlice(x, 0, it, false), src);
  }
  const { sliced, indices } = applySlicing(x, items, false);
  if (indices.length === 0) return copyTo(sliced, src);
  const stripped = withoutLeadingOnes(src.shape);
  indexPut_(sliced, indices, stripped.length === src.dim() ? src : view(src, stripped));
}

/** slicePrefix1sSize: a value's leading 1s are dropped before it is written */
function withoutLeadingOnes(shape: readonly number[]): number[] {
  let lead = 0;
  while (lead < shape.length && shape[lead] === 1) lead++;
  return shape.slice(lead);
}

/** copy_to: same shape -> copy_; a 0-dim value -> fill_; else drop the value's leading 1s
 *  (a view) and expand it to the destination (expand_inplace), then copy_ */
export function copyTo(dst: Tensor, src: Tensor): void {
  if (sameShape(dst.shape, src.shape)) {
    copy_(dst, src);
    return;
  }
  if (src.dim() === 0) {
    fill_(dst, src);
    return;
  }
  const stripped = view(src, withoutLeadingOnes(src.shape));
  copy_(dst, sameShape(dst.shape, stripped.shape) ? stripped : expand(stripped, dst.shape));
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
