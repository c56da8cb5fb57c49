// Whole slices along one dim picked by an index vector: index_add(_) (IndexAddBackward0, whose
// source gradient is index_select's) and index_fill(_) (IndexFillBackward0 for a number,
// IndexFillBackward1 for a 0-d tensor), with ATen's checks and messages.
import { atenTypeName, castValue, scalarToNumber, type Scalar } from "../dtype.ts";
import { indexError, runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { contiguousStrides, fromValues, numelOf, type Tensor } from "../tensor.ts";
import { expand, squeeze, wrapDim } from "./views.ts";
import { maybeMultiply, mulScalar } from "./arith.ts";
import { zerosLikeT } from "./unary.ts";
import { sum } from "./reduce.ts";
import { mutate } from "./inplace.ts";
import { indexSelect } from "./gather_scatter.ts";
import { created } from "./create.ts";

/** a Python number as saved for backward (a bool alpha reads back as an int) */
const savedScalar = (s: Scalar): bigint | number => (typeof s === "boolean" ? BigInt(s) : s);

const sizesText = (s: readonly number[]) => `[${s.join(", ")}]`;

/** for each element of `shape` (row-major), its coordinate along d and its offset with d zeroed */
function alongDim(shape: readonly number[], d: number): { at: number[]; rest: number[] } {
  const n = numelOf(shape);
  const strides = contiguousStrides(shape);
  const at = new Array<number>(n);
  const rest = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / strides[d]) % shape[d];
    at[i] = c;
    rest[i] = i - c * strides[d];
  }
  return { at, rest };
}

function checkIndexAdd(self: Tensor, d: number, index: Tensor, source: Tensor): void {
  if (index.dim() > 1)
    throw indexError(
      `index_add_(): Index is supposed to be a vector, but got dim: ${index.dim()} with type: ${atenTypeName(index.dtype)} and size: ${sizesText(index.shape)}`,
    );
  if (index.dtype !== "int64" && index.dtype !== "int32")
    throw runtimeError(`index_add_(): Expected dtype int32/int64 for index but got: ${atenTypeName(index.dtype)}`);
  if (self.dtype !== source.dtype)
    throw runtimeError(`index_add_(): self (${atenTypeName(self.dtype)}) and source (${atenTypeName(source.dtype)}) must have the same scalar type`);
  const sshape = self.dim() === 0 ? [1] : self.shape;
  const srcShape = source.dim() === 0 ? [1] : source.shape;
  if (srcShape.length !== sshape.length || srcShape.some((n, k) => k !== d && n !== sshape[k]))
    throw runtimeError(
      `source tensor shape must match self tensor shape, excluding the specified dimension. Got self.shape = ${sizesText(self.shape)} source.shape = ${sizesText(source.shape)}`,
    );
  if (index.numel !== srcShape[d])
    throw runtimeError(
      `index_add_(): Number of indices (${index.numel}) should be equal to source.size(dim): (${srcShape[d]}), for dim: ${d}`,
    );
}

/** the values of self after index_add: source's slice i added (times alpha) at index[i], in order */
function indexAddValues(self: Tensor, d: number, index: Tensor, source: Tensor, alpha: number): number[] {
  const out = self.values();
  const sshape = self.dim() === 0 ? [1] : self.shape;
  const srcShape = source.dim() === 0 ? [1] : source.shape;
  const idx = index.values();
  for (const v of idx) if (v < 0 || v >= sshape[d]) throw runtimeError(`index ${v} is out of bounds for dimension ${d} with size ${sshape[d]}`);
  const strides = contiguousStrides(sshape);
  const { at, rest } = alongDim(srcShape, d);
  const src = source.values();
  const srcStrides = contiguousStrides(srcShape);
  // ATen adds slice by slice in index order; row-major order over source adds to each element in that order too
  for (let i = 0; i < src.length; i++) {
    const o = toOffset(rest[i], srcShape, srcStrides, strides) + idx[at[i]] * strides[d];
    out[o] = castValue(out[o] + alpha * src[i], self.dtype);
  }
  return out;
}

/** an offset in source's contiguous layout (with d zeroed) re-expressed in self's layout */
function toOffset(off: number, shape: readonly number[], from: readonly number[], to: readonly number[]): number {
  let o = 0;
  for (let k = 0; k < shape.length; k++) {
    const c = Math.floor(off / from[k]);
    off -= c * from[k];
    o += c * to[k];
  }
  return o;
}

/** maybe_multiply(grad.index_select(dim, index).expand_as(source), alpha) */
function sourceGrad(g: Tensor, d: number, index: Tensor, source: Tensor, alpha: Scalar): Tensor {
  const picked = source.dim() > 0 ? expand(indexSelect(g, d, index), source.shape.slice()) : indexSelect(g, d, squeeze(index, 0));
  return scalarToNumber(alpha) === 1 ? picked : mulScalar(picked, alpha);
}

/** at::index_add(self_t, dim, index, maybe_multiply(source_t, alpha)), a missing tangent a zero tensor */
function indexAddTangent([ts, tsrc]: (Tensor | null)[], self: Tensor, d: number, index: Tensor, source: Tensor, alpha: Scalar): Tensor {
  return indexAdd(ts ?? zerosLikeT(self), d, index, maybeMultiply(tsrc ?? zerosLikeT(source), alpha));
}

/** self.index_add(dim, index, source, alpha=1): IndexAddBackward0 */
export function indexAdd(self: Tensor, dim: number, index: Tensor, source: Tensor, alpha: Scalar = 1): Tensor {
  const d = wrapDim(dim, self.dim());
  checkIndexAdd(self, d, index, source);
  const out = fromValues(self.rt, indexAddValues(self, d, index, source, scalarToNumber(alpha)), self.shape.slice(), self.dtype);
  return record(out, {
    op: "index_add",
    gradFn: "IndexAddBackward0",
    inputs: [self, source],
    save: { index, source },
    args: { alpha: savedScalar(alpha), dim: BigInt(d), source_dim: BigInt(source.dim()) },
    eventInputs: [self, index, source],
    backward: ([g], node) => [self.requiresGrad ? g : null, source.requiresGrad ? sourceGrad(g!, d, node.unpack("index"), source, alpha) : null],
    jvp: (tangents) => indexAddTangent(tangents, self, d, index, source, alpha),
  });
}

/** self.index_add_(dim, index, source, alpha=1): in place */
export function indexAdd_(self: Tensor, dim: number, index: Tensor, source: Tensor, alpha: Scalar = 1): Tensor {
  const d = wrapDim(dim, self.dim());
  checkIndexAdd(self, d, index, source);
  const written = indexAddValues(self, d, index, source, scalarToNumber(alpha));
  return mutate(
    self,
    "index_add_",
    (_old, i) => written[i],
    {
      gradFn: "IndexAddBackward0",
      others: [source],
      save: { index, source },
      args: { alpha: savedScalar(alpha), dim: BigInt(d), source_dim: BigInt(source.dim()) },
      backward: ([g], node) => [g, source.requiresGrad ? sourceGrad(g!, d, node.unpack("index"), source, alpha) : null],
      jvp: (tangents) => indexAddTangent(tangents, self, d, index, source, alpha),
    },
    [source],
  );
}

function checkFillIndex(index: Tensor, value: Tensor | Scalar): void {
  if (index.dtype !== "int64") throw indexError("index_fill_(): Expected dtype int64 for index.");
  if (index.dim() > 1) throw runtimeError("Index has to be a vector/scalar");
  if (typeof value === "object" && value.dim() !== 0)
    throw runtimeError(`index_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value.dim()} dimension(s).`);
}

/** a copy of self's elements with every slice at `index` along d set to v (negative indices wrap) */
function filledValues(self: Tensor, d: number, index: Tensor, v: number): number[] {
  const size = self.dim() === 0 ? 1 : self.shape[d];
  const idx = new Set(
    index.values().map((i) => {
      if (i < -size || i >= size) throw indexError(`index ${i} is out of bounds for dimension ${d} with size ${size}`);
      return i < 0 ? i + size : i;
    }),
  );
  const out = self.values();
  const { at } = alongDim(self.dim() === 0 ? [1] : self.shape, d);
  for (let i = 0; i < out.length; i++) if (idx.has(at[i])) out[i] = castValue(v, self.dtype);
  return out;
}

/** index_fill's gradient for a tensor value: the filled slices summed once each (_unique(index));
 *  index_select does not wrap negative indices, so one there raises in backward as in PyTorch */
function valueGrad(g: Tensor, d: number, index: Tensor): Tensor {
  const unique = [...new Set(index.values())].sort((a, b) => a - b);
  const u = created(fromValues(g.rt, unique, [unique.length], "int64"), "_unique");
  return sum(indexSelect(g, d, u));
}

/** self.index_fill(dim, index, value): IndexFillBackward0 (a number) or IndexFillBackward1 (a 0-d tensor) */
export function indexFill(self: Tensor, dim: number, index: Tensor, value: Tensor | Scalar): Tensor {
  const d = wrapDim(dim, self.dim());
  checkFillIndex(index, value);
  const tensorValue = typeof value === "object";
  const v = tensorValue ? value.at(0) : scalarToNumber(value);
  return record(fromValues(self.rt, filledValues(self, d, index, v), self.shape.slice(), self.dtype), {
    op: "index_fill",
    gradFn: tensorValue ? "IndexFillBackward1" : "IndexFillBackward0",
    inputs: tensorValue ? [self, value] : [self],
    save: { index },
    args: { dim: BigInt(d) },
    eventInputs: tensorValue ? [self, index, value] : [self, index],
    backward: ([g], node) => {
      const i = node.unpack("index");
      const gs = self.requiresGrad ? indexFill(g!, d, i, 0) : null;
      return tensorValue ? [gs, value.requiresGrad ? valueGrad(g!, d, i) : null] : [gs];
    },
    jvp: ([ts, tv]) => indexFill(ts ?? zerosLikeT(self), d, index, tensorValue ? (tv ?? zerosLikeT(value)) : 0),
  });
}

/** self.index_fill_(dim, index, value): in place */
export function indexFill_(self: Tensor, dim: number, index: Tensor, value: Tensor | Scalar): Tensor {
  const d = wrapDim(dim, self.dim());
  checkFillIndex(index, value);
  const tensorValue = typeof value === "object";
  const written = filledValues(self, d, index, tensorValue ? value.at(0) : scalarToNumber(value));
  return mutate(self, "index_fill_", (_old, i) => written[i], {
    gradFn: tensorValue ? "IndexFillBackward1" : "IndexFillBackward0",
    others: tensorValue ? [value] : [],
    save: { index },
    args: { dim: BigInt(d) },
    backward: ([g], node) => {
      const i = node.unpack("index");
      const gs = indexFill(g!, d, i, 0);
      return tensorValue ? [gs, value.requiresGrad ? valueGrad(g!, d, i) : null] : [gs];
    },
    jvp: ([ts, tv]) => indexFill(ts ?? zerosLikeT(self), d, index, tensorValue ? (tv ?? zerosLikeT(value)) : 0),
  });
}
