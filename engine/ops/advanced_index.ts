// Advanced indexing as ATen does it (TensorAdvancedIndexing.cpp's make_info and the CPU index
// kernels): bool masks become their nonzero coordinates, index tensors broadcast together, and
// the indexed dims are replaced by the broadcast index shape — where they stood when they are
// adjacent, at the front otherwise. index() records IndexBackward0; its gradient puts the
// incoming gradient back with _index_put_impl_(zeros, indices, grad, accumulate=True), so
// duplicate indices add. index_put_/index_put record IndexPutBackward0.
import { atenTypeName, castValue } from "../dtype.ts";
import { indexError, runtimeError, type TorchError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { contiguousStrides, numelOf, fromValues, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { mutate } from "./inplace.ts";
import { zerosLikeT } from "./unary.ts";

/** one entry per leading dim of self; null: the whole dim (PyTorch's undefined tensor) */
export type IndexList = readonly (Tensor | null)[];

const sizesText = (s: readonly number[]) => `[${s.join(", ")}]`;
const isMask = (t: Tensor) => t.dtype === "bool";

/** the coordinates where a mask is true, one array per mask dim (nonzero().select(1, j)) */
function maskCoordinates(mask: Tensor): number[][] {
  const v = mask.values();
  const cols: number[][] = mask.shape.map(() => []);
  for (let i = 0; i < v.length; i++) {
    if (v[i] === 0) continue;
    let rem = i;
    for (let d = mask.dim() - 1; d >= 0; d--) {
      cols[d].push(rem % mask.shape[d]);
      rem = Math.floor(rem / mask.shape[d]);
    }
  }
  return cols;
}

/** an index after masks are expanded: its values and shape (broadcast later) */
interface Indexer {
  values: number[];
  shape: number[];
}

/** Where each element of `self[indices]` comes from, as make_info and AdvancedIndex work it out. */
export interface IndexPlan {
  /** the result's shape: the dims before, the broadcast index shape, the dims after */
  shape: number[];
  /** self's dims in the result's order (indexed dims in the middle, or first when not adjacent) */
  order: number[];
  before: number;
  after: number;
  /** the broadcast index shape that replaces the indexed dims */
  replacement: number[];
  /** per indexed dim (in `order`), the broadcast index values, wrapped to be non-negative */
  indexed: { dim: number; values: number[] }[];
}

export function planIndex(selfShape: readonly number[], indices: IndexList): IndexPlan {
  if (indices.length > selfShape.length)
    throw indexError(`too many indices for tensor of dimension ${selfShape.length} (got ${indices.length})`);
  for (const t of indices)
    if (t && t.dtype !== "int64" && t.dtype !== "int32" && t.dtype !== "bool")
      throw indexError("tensors used as indices must be long, int, byte or bool tensors");
  // expandTensors: each mask becomes one long index per mask dim
  const expanded: (Indexer | null)[] = [];
  for (const t of indices) {
    if (!t) expanded.push(null);
    else if (isMask(t)) {
      for (let j = 0; j < t.dim(); j++) {
        const src = expanded.length + j;
        if (src >= selfShape.length)
          throw indexError(`Dimension out of range (expected to be in range of [${-selfShape.length}, ${selfShape.length - 1}], but got ${src})`);
        if (t.shape[j] !== selfShape[src])
          throw indexError(
            `The shape of the mask ${sizesText(t.shape)} at index ${j} does not match the shape of the indexed tensor ${sizesText(selfShape)} at index ${src}`,
          );
      }
      const cols = maskCoordinates(t);
      for (const c of cols) expanded.push({ values: c, shape: [c.length] });
    } else expanded.push({ values: t.values(), shape: t.shape.slice() });
  }
  const present = expanded.filter((e): e is Indexer => e !== null);
  const replacement = broadcastIndexShapes(present.map((e) => e.shape));
  while (expanded.length < selfShape.length) expanded.push(null);
  const dims = expanded.map((e, d) => (e ? d : -1)).filter((d) => d >= 0);
  const adjacent = dims.length === 0 || dims[dims.length - 1] - dims[0] === dims.length - 1;
  const order = adjacent
    ? selfShape.map((_, d) => d)
    : [...dims, ...selfShape.map((_, d) => d).filter((d) => !expanded[d])];
  const first = adjacent && dims.length > 0 ? dims[0] : 0;
  const before = adjacent ? first : 0;
  const after = selfShape.length - before - dims.length;
  const indexedSizes = dims.map((d) => selfShape[d]);
  if (indexedSizes.includes(0) && !replacement.includes(0)) throw indexError("index is out of bounds for dimension with size 0");
  const shape = [
    ...order.slice(0, before).map((d) => selfShape[d]),
    ...replacement,
    ...order.slice(before + dims.length).map((d) => selfShape[d]),
  ];
  const n = numelOf(replacement);
  const indexed = dims.map((d) => ({ dim: d, values: broadcastValues(expanded[d]!, replacement, n) }));
  return { shape, order, before, after, replacement, indexed };
}

function broadcastIndexShapes(shapes: number[][]): number[] {
  let out: number[] = [];
  for (const s of shapes) {
    const n = Math.max(out.length, s.length);
    const next = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const a = out[out.length - n + i] ?? 1;
      const b = s[s.length - n + i] ?? 1;
      if (a !== b && a !== 1 && b !== 1)
        throw indexError(`shape mismatch: indexing tensors could not be broadcast together with shapes ${shapes.map(sizesText).join(", ")}`);
      next[i] = a === 1 ? b : a;
    }
    out = next;
  }
  return out;
}

/** an index's values read in row-major order of the broadcast shape */
function broadcastValues(e: Indexer, shape: number[], n: number): number[] {
  if (numelOf(e.shape) === n && e.shape.length === shape.length) return e.values;
  const strides = contiguousStrides(e.shape);
  const k = shape.length - e.shape.length;
  const out = new Array<number>(n);
  const coords = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let off = 0;
    for (let d = 0; d < e.shape.length; d++) if (e.shape[d] !== 1) off += coords[k + d] * strides[d];
    out[i] = e.values[off];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++coords[d] < shape[d]) break;
      coords[d] = 0;
    }
  }
  return out;
}

/** every position of a shape in row-major order, as offsets under the given strides */
function offsetsOf(shape: readonly number[], strides: readonly number[]): number[] {
  const n = numelOf(shape);
  const out = new Array<number>(n);
  const coords = new Array<number>(shape.length).fill(0);
  let off = 0;
  for (let i = 0; i < n; i++) {
    out[i] = off;
    for (let d = shape.length - 1; d >= 0; d--) {
      off += strides[d];
      if (++coords[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      coords[d] = 0;
    }
  }
  return out;
}

/** For each element of the result (row-major), the offset of the element it reads in a tensor of
 *  self's shape laid out with `strides` from `base`. An out-of-range index stops the kernel at
 *  the first element that reads it (naming the index's position among the indexed dims): the
 *  offsets before it are still given, since index_put_ has written those when it raises. */
export function planOffsets(
  plan: IndexPlan,
  selfShape: readonly number[],
  strides: readonly number[],
  base: number,
): { offsets: number[]; error: TorchError | null } {
  if (numelOf(plan.shape) === 0) return { offsets: [], error: null };
  const { order, before } = plan;
  const k = plan.indexed.length;
  const outer = offsetsOf(order.slice(0, before).map((d) => selfShape[d]), order.slice(0, before).map((d) => strides[d]));
  const tail = order.slice(before + k);
  const inner = offsetsOf(tail.map((d) => selfShape[d]), tail.map((d) => strides[d]));
  const n = numelOf(plan.replacement);
  const middle: number[] = [];
  let error: TorchError | null = null;
  for (let r = 0; r < n && !error; r++) {
    let off = 0;
    for (let j = 0; j < k; j++) {
      const { dim, values } = plan.indexed[j];
      const size = selfShape[dim];
      let v = values[r];
      if (v < -size || v >= size) {
        error = indexError(`index ${v} is out of bounds for dimension ${j} with size ${size}`);
        break;
      }
      if (v < 0) v += size;
      off += v * strides[dim];
    }
    if (!error) middle.push(off);
  }
  const out: number[] = [];
  for (const o of error ? outer.slice(0, 1) : outer) for (const m of middle) for (const q of inner) out.push(base + o + m + q);
  return { offsets: out, error };
}

/** self[indices]: a new tensor (not a view), IndexBackward0 saving the indices and self's sizes */
export function index(self: Tensor, indices: IndexList): Tensor {
  const plan = planIndex(self.shape, indices);
  const { offsets, error } = planOffsets(plan, self.shape, self.strides, self.offset);
  if (error) throw error;
  const data = self.storage.data;
  const out = fromValues(self.rt, offsets.map((o) => data[o]), plan.shape, self.dtype);
  const sizes = self.shape.slice();
  return record(out, {
    op: "index",
    gradFn: "IndexBackward0",
    inputs: [self],
    eventInputs: [self, ...definedOf(indices)],
    saveLists: { indices },
    args: { self_sym_sizes: sizes },
    backward: ([g], node) => [indexBackward(g!, sizes, node.unpackList("indices"))],
    jvp: ([t]) => index(t!, indices),
  });
}

const definedOf = (indices: IndexList): Tensor[] => indices.filter((t): t is Tensor => t !== null);

/** index_backward: the gradient put back into zeros of self's sizes, adding at repeated indices */
function indexBackward(grad: Tensor, sizes: number[], indices: IndexList): Tensor {
  const zeros = created(fromValues(grad.rt, new Array<number>(numelOf(sizes)).fill(0), sizes.slice(), grad.dtype), "new_zeros");
  return indexPutImpl(zeros, indices, grad, true, "IndexPutImplBackward0", "_index_put_impl_");
}

/** index_put_'s checks that come before its kernel: the values broadcast and have self's dtype */
function checkValues(plan: IndexPlan, values: Tensor, selfDType: Tensor["dtype"]): void {
  const shape = plan.shape;
  const vs = values.shape;
  let ok = vs.length <= shape.length;
  for (let i = 1; ok && i <= vs.length; i++) if (vs[vs.length - i] !== 1 && vs[vs.length - i] !== shape[shape.length - i]) ok = false;
  if (!ok)
    throw runtimeError(`shape mismatch: value tensor of shape ${sizesText(vs)} cannot be broadcast to indexing result of shape ${sizesText(shape)}`);
  if (values.dtype !== selfDType)
    throw runtimeError(
      `Index put requires the source and destination dtypes match, got ${atenTypeName(selfDType)} for the destination and ${atenTypeName(values.dtype)} for the source.`,
    );
}

/** values read in row-major order of the indexing result (broadcast) */
function valuesAt(values: Tensor, shape: number[]): number[] {
  const n = numelOf(shape);
  const v = values.values();
  if (v.length === n) return v;
  if (v.length === 1) return new Array<number>(n).fill(v[0]);
  const k = shape.length - values.dim();
  const strides = contiguousStrides(values.shape).map((s, d) => (values.shape[d] === 1 ? 0 : s));
  const full = [...new Array<number>(k).fill(0), ...strides];
  return offsetsOf(shape, full).map((o) => v[o]);
}

/** canDispatchToMaskedFill: one mask and a one-element value write through masked_fill_ */
function maskedFillMask(indices: IndexList, values: Tensor, selfShape: readonly number[]): boolean {
  if (values.numel !== 1) return false;
  const defined = indices.filter((t) => t !== null) as Tensor[];
  if (defined.length !== 1 || !isMask(defined[0])) return false;
  let before = 0;
  for (const t of indices) {
    if (t) break;
    before++;
  }
  const mask = defined[0];
  for (let j = 0; j < mask.dim(); j++)
    if (mask.shape[j] !== selfShape[before + j])
      throw indexError(
        `The shape of the mask ${sizesText(mask.shape)} at index ${j} does not match the shape of the indexed tensor ${sizesText(selfShape)} at index ${before + j}`,
      );
  return true;
}

/** the writes index_put_ makes into a tensor of `self`'s shape laid out as `strides` from `base`:
 *  (offset, value) pairs in the kernel's order, and the error that stops it part way, if any */
function putWrites(
  self: Tensor,
  strides: readonly number[],
  base: number,
  indices: IndexList,
  values: Tensor,
  accumulate: boolean,
): { writes: [number, number][]; error: TorchError | null } {
  const masked = !accumulate && maskedFillMask(indices, values, self.shape);
  const plan = planIndex(self.shape, indices);
  if (!masked) checkValues(plan, values, self.dtype);
  const vals = masked ? new Array<number>(numelOf(plan.shape)).fill(castValue(values.at(0), self.dtype)) : valuesAt(values, plan.shape);
  const { offsets, error } = planOffsets(plan, self.shape, strides, base);
  return { writes: offsets.map((o, i) => [o, vals[i]]), error };
}

/** the new value of each storage slot written, in order: the last of repeated indices wins, or
 *  each adds to the one before with accumulate=True */
function applyWrites(data: ArrayLike<number>, writes: [number, number][], accumulate: boolean, dtype: Tensor["dtype"]): Map<number, number> {
  const slot = new Map<number, number>();
  for (const [o, v] of writes) slot.set(o, accumulate ? castValue((slot.has(o) ? slot.get(o)! : data[o]) + v, dtype) : v);
  return slot;
}

/** a kernel stopped by an out-of-range index has written what came before it: no version bump */
function writeBeforeError(self: Tensor, slot: Map<number, number>, op: string): void {
  if (slot.size === 0) return;
  const rt = self.rt;
  const before = rt.sink ? self.storage.data.slice() : [];
  for (const [o, v] of slot) self.storage.data[o] = v;
  if (rt.sink)
    rt.emit({
      kind: "tensor/mutated",
      tensor: self.id,
      storage: self.storage.id,
      op: `${op} (stopped by an error)`,
      versionBefore: self.storage.version,
      versionAfter: self.storage.version,
      storageBefore: before,
      storageAfter: self.storage.data.slice(),
      aliases: self.storage.viewers.slice(),
      gradFnBefore: self.rawGradFn ? self.rawGradFn.id : null,
      node: null,
      requiresGradAfter: self.requiresGrad,
      span: rt.span,
    });
}

/** index_put_ / _index_put_impl_ in place, through mutate (version, grad_fn, CopySlices on views) */
function indexPutImpl(self: Tensor, indices: IndexList, values: Tensor, accumulate: boolean, gradFn: string, op: string): Tensor {
  const { writes, error } = putWrites(self, self.strides, self.offset, indices, values, accumulate);
  const slot = applyWrites(self.storage.data, writes, accumulate, self.dtype);
  if (error) {
    writeBeforeError(self, slot, op);
    throw error;
  }
  const selfOffsets = offsetsOf(self.shape, self.strides).map((o) => o + self.offset);
  const valuesShape = values.shape.slice();
  const valuesDType = values.dtype;
  return mutate(
    self,
    op,
    (old, i) => {
      const o = selfOffsets[i];
      return slot.has(o) ? slot.get(o)! : old;
    },
    {
      gradFn,
      others: [values],
      saveLists: { indices },
      args: { accumulate },
      backward: ([g], node) => {
        const idx = node.unpackList("indices");
        const gSelf = accumulate ? g! : indexPut(g!, idx, zerosOfShape(g!, valuesShape, valuesDType), false);
        return [gSelf, values.requiresGrad ? index(g!, idx) : null];
      },
      // _index_put_impl_(self_t, indices, values_t, accumulate, unsafe), a zero tensor for a missing one
      jvp: ([ts, tv]) => indexPut(ts ?? zerosLikeT(self), indices, tv ?? zerosLikeT(values), accumulate),
    },
    [values],
  );
}

function zerosOfShape(like: Tensor, shape: number[], dtype: Tensor["dtype"]): Tensor {
  return created(fromValues(like.rt, new Array<number>(numelOf(shape)).fill(0), shape.slice(), dtype), "zeros_like");
}

/** self.index_put_(indices, values, accumulate): in place, IndexPutBackward0 */
export function indexPut_(self: Tensor, indices: IndexList, values: Tensor, accumulate = false): Tensor {
  return indexPutImpl(self, indices, values, accumulate, "IndexPutBackward0", "index_put_");
}

/** self.index_put(indices, values, accumulate): a copy with the writes, IndexPutBackward0 */
export function indexPut(self: Tensor, indices: IndexList, values: Tensor, accumulate = false): Tensor {
  const data = self.values();
  const { writes, error } = putWrites(self, contiguousStrides(self.shape), 0, indices, values, accumulate);
  if (error) throw error;
  for (const [o, v] of applyWrites(data, writes, accumulate, self.dtype)) data[o] = v;
  const out = fromValues(self.rt, data, self.shape.slice(), self.dtype);
  const valuesShape = values.shape.slice();
  const valuesDType = values.dtype;
  return record(out, {
    op: "index_put",
    gradFn: "IndexPutBackward0",
    inputs: [self, values],
    eventInputs: [self, ...definedOf(indices), values],
    saveLists: { indices },
    args: { accumulate },
    backward: ([g], node) => {
      const idx = node.unpackList("indices");
      const gSelf = self.requiresGrad ? (accumulate ? g! : indexPut(g!, idx, zerosOfShape(g!, valuesShape, valuesDType), false)) : null;
      return [gSelf, values.requiresGrad ? index(g!, idx) : null];
    },
    // self_t.index_put(indices, values_t, accumulate)
    jvp: ([ts, tv]) => indexPut(ts ?? zerosLikeT(self), indices, tv ?? zerosLikeT(values), accumulate),
  });
}
