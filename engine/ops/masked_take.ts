// Reads and writes by mask or flat position: masked_scatter(_) (MaskedScatterBackward0),
// masked_select (MaskedSelectBackward0), take (TakeBackward0) and put(_) (PutBackward0), with
// the backward formulas of PyTorch's derivatives.yaml written with these same ops.
import { atenTypeName } from "../dtype.ts";
import { indexError, runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { broadcastShapes } from "./kernel.ts";
import { broadcastValues } from "./broadcast_read.ts";
import { created } from "./create.ts";
import { mutate } from "./inplace.ts";
import { maskedFill } from "./masked.ts";
import { reshape } from "./views.ts";
import { zerosLikeT } from "./unary.ts";

const zerosLikeShape = (like: Tensor, shape: number[], how: string): Tensor =>
  created(fromValues(like.rt, new Array<number>(numelOf(shape)).fill(0), shape.slice(), like.dtype), how);

function checkScatter(self: Tensor, mask: Tensor, source: Tensor): void {
  if (self.dtype !== source.dtype)
    throw runtimeError(`masked_scatter: expected self and source to have same dtypes but got${atenTypeName(self.dtype)} and ${atenTypeName(source.dtype)}`);
  if (mask.dtype !== "bool") throw runtimeError(`masked_scatter_ only supports boolean masks, but got mask with dtype ${atenTypeName(mask.dtype)}`);
}

/** the mask (already of self's shape) filled in order from source's elements */
function scatterValues(old: readonly number[], m: readonly number[], source: Tensor): number[] {
  const src = source.values();
  let k = 0;
  return old.map((v, i) => {
    if (!m[i]) return v;
    if (k >= src.length) throw runtimeError("Number of elements of source < number of ones in mask");
    return src[k++];
  });
}

function scatterGrads(g: Tensor, mask: Tensor, source: Tensor, selfNeeds: boolean): (Tensor | null)[] {
  return [selfNeeds ? maskedFill(g, mask, 0) : null, source.requiresGrad ? maskedScatterBackward(g, mask, source.shape.slice()) : null];
}

/** self.masked_scatter(mask, source): self and mask broadcast together */
export function maskedScatter(self: Tensor, mask: Tensor, source: Tensor): Tensor {
  const shape = broadcastShapes(mask.shape, self.shape);
  checkScatter(self, mask, source);
  const m = broadcastValues(mask, shape);
  const out = fromValues(self.rt, scatterValues(broadcastValues(self, shape), m, source), shape, self.dtype);
  return record(out, {
    op: "masked_scatter",
    gradFn: "MaskedScatterBackward0",
    inputs: [self, source],
    save: { mask },
    args: { source_sym_sizes: source.shape.slice() },
    eventInputs: [self, mask, source],
    backward: ([g], node) => scatterGrads(g!, node.unpack("mask"), source, self.requiresGrad),
    // self_t.masked_scatter(mask, source_t), a missing tangent zeros
    jvp: ([ts, tsrc]) => maskedScatter(ts ?? zerosLikeT(self), mask, tsrc ?? zerosLikeT(source)),
  });
}

/** self.masked_scatter_(mask, source): the mask must broadcast to self's shape */
export function maskedScatter_(self: Tensor, mask: Tensor, source: Tensor): Tensor {
  checkScatter(self, mask, source);
  const shape = broadcastShapes(mask.shape, self.shape);
  if (mask.dim() > self.dim())
    throw runtimeError(
      `expand(CPUBoolType{[${mask.shape.join(", ")}]}, size=[${self.shape.join(", ")}]): the number of sizes provided (${self.dim()}) must be greater or equal to the number of dimensions in the tensor (${mask.dim()})`,
    );
  const written = scatterValues(self.values(), broadcastValues(mask, shape), source);
  return mutate(self, "masked_scatter_", (_o, i) => written[i], {
    gradFn: "MaskedScatterBackward0",
    others: [source],
    save: { mask },
    args: { source_sym_sizes: source.shape.slice() },
    backward: ([g], node) => scatterGrads(g!, node.unpack("mask"), source, true),
    jvp: ([ts, tsrc]) => maskedScatter(ts ?? zerosLikeT(self), mask, tsrc ?? zerosLikeT(source)),
  }, [source]);
}

/** masked_scatter_backward: the gradient's masked elements in order, zero-padded to source's size */
function maskedScatterBackward(g: Tensor, mask: Tensor, sizes: number[]): Tensor {
  const shape = broadcastShapes(mask.shape, g.shape);
  const m = broadcastValues(mask, shape);
  const gv = broadcastValues(g, shape);
  const picked = gv.filter((_, i) => m[i]);
  const n = numelOf(sizes);
  while (picked.length < n) picked.push(0);
  return record(fromValues(g.rt, picked.slice(0, n), sizes.slice(), g.dtype), {
    op: "masked_scatter_backward",
    gradFn: "MaskedScatterBackwardBackward0",
    inputs: [g],
    save: { mask },
    eventInputs: [g, mask],
    backward: ([gg], node) => [maskedScatter(zerosLikeShape(g, g.shape, "zeros_like"), node.unpack("mask"), gg!)],
    jvp: ([t]) => maskedScatterBackward(t!, mask, sizes),
  });
}

/** self.masked_select(mask): the elements under the mask (both broadcast), as a 1-D tensor */
export function maskedSelect(self: Tensor, mask: Tensor): Tensor {
  if (mask.dtype !== "bool") throw runtimeError("masked_select: expected BoolTensor for mask");
  const shape = broadcastShapes(mask.shape, self.shape);
  const m = broadcastValues(mask, shape);
  const picked = broadcastValues(self, shape).filter((_, i) => m[i]);
  return record(fromValues(self.rt, picked, [picked.length], self.dtype), {
    op: "masked_select",
    gradFn: "MaskedSelectBackward0",
    inputs: [self],
    save: { mask, self },
    eventInputs: [self, mask],
    // masked_select_backward: zeros of the broadcast shape, masked_scatter_ of the gradient
    backward: ([g], node) => [maskedScatter_(zerosLikeShape(g!, shape, "zeros_like"), node.unpack("mask"), g!)],
    jvp: ([t]) => maskedSelect(t!, mask),
  });
}

/** flat positions into a tensor of n elements, negative ones wrapped, with take's message */
function flatPositions(index: Tensor, n: number, op: string): number[] {
  if (index.dtype !== "int64") throw runtimeError(`${op}(): Expected a long tensor for index, but got ${atenTypeName(index.dtype)}`);
  return index.values().map((i) => {
    if (i < -n || i >= n) throw indexError(`out of range: tried to access index ${i} on a tensor of ${n} elements.`);
    return i < 0 ? i + n : i;
  });
}

/** self.take(index): self's elements at flat positions, in index's shape */
export function take(self: Tensor, index: Tensor): Tensor {
  const pos = flatPositions(index, self.numel, "take");
  const v = self.values();
  const shape = self.shape.slice();
  return record(fromValues(self.rt, pos.map((p) => v[p]), index.shape.slice(), self.dtype), {
    op: "take",
    gradFn: "TakeBackward0",
    inputs: [self],
    save: { index, self },
    eventInputs: [self, index],
    // take_backward: zeros_like(self).put_(index, grad, accumulate=True)
    backward: ([g], node) => [put_(zerosLikeShape(g!, shape, "zeros_like"), node.unpack("index"), g!, true)],
    jvp: ([t]) => take(t!, index),
  });
}

function putValues(self: Tensor, index: Tensor, source: Tensor, accumulate: boolean): number[] {
  const pos = flatPositions(index, self.numel, "put_");
  if (source.numel !== pos.length)
    throw runtimeError(`put_(): Expected source and index to have the same number of elements, but got source.numel() = ${source.numel}, index.numel() = ${pos.length}`);
  if (self.dtype !== source.dtype)
    throw runtimeError(`put_(): self and source expected to have the same dtype, but got self.dtype = ${atenTypeName(self.dtype)} and source.dtype = ${atenTypeName(source.dtype)}`);
  const out = self.values();
  const src = source.values();
  const round = self.dtype === "float32" ? Math.fround : (v: number) => v;
  pos.forEach((p, k) => (out[p] = accumulate ? round(out[p] + src[k]) : src[k]));
  return out;
}

function putGrads(g: Tensor, index: Tensor, source: Tensor, accumulate: boolean, selfNeeds: boolean): (Tensor | null)[] {
  const gs = !selfNeeds ? null : accumulate ? g : put(g, index, zerosLikeShape(source, source.shape, "zeros_like"), false);
  return [gs, source.requiresGrad ? reshape(take(g, index), source.shape.slice()) : null];
}

/** self.put_(index, source, accumulate): in place, PutBackward0 */
export function put_(self: Tensor, index: Tensor, source: Tensor, accumulate = false): Tensor {
  const written = putValues(self, index, source, accumulate);
  return mutate(self, "put_", (_o, i) => written[i], {
    gradFn: "PutBackward0",
    others: [source],
    save: { index },
    args: { accumulate },
    backward: ([g], node) => putGrads(g!, node.unpack("index"), source, accumulate, true),
    jvp: ([ts, tsrc]) => put(ts ?? zerosLikeT(self), index, tsrc ?? zerosLikeT(source), accumulate),
  }, [source]);
}

/** self.put(index, source, accumulate): a copy with the writes, PutBackward0 */
export function put(self: Tensor, index: Tensor, source: Tensor, accumulate = false): Tensor {
  const out = fromValues(self.rt, putValues(self, index, source, accumulate), self.shape.slice(), self.dtype);
  return record(out, {
    op: "put",
    gradFn: "PutBackward0",
    inputs: [self, source],
    save: { index },
    args: { accumulate },
    eventInputs: [self, index, source],
    backward: ([g], node) => putGrads(g!, node.unpack("index"), source, accumulate, self.requiresGrad),
    // self_t.put(index, source_t, accumulate)
    jvp: ([ts, tsrc]) => put(ts ?? zerosLikeT(self), index, tsrc ?? zerosLikeT(source), accumulate),
  });
}
