// Reductions: sum and mean (all, dims, keepdim), max/min (all, or along a dim with indices),
// and sum_to, which the engine uses to reduce a broadcast gradient back to an input's shape.
import { atenTypeName, isFloating, type DType } from "../dtype.ts";
import { indexError, runtimeError } from "../errors.ts";
import { record, recordConstant } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { div, divScalar, mul } from "./arith.ts";
import { maskedFill_ } from "./masked.ts";
import { isnan } from "./math_extra.ts";
import { eq } from "./compare.ts";
import { cascadeSum, multiDimSum, outerColumnSum, outerColumnsSum } from "./cascade_sum.ts";
import { expand, squeeze, unsqueeze, view, wrapDim } from "./views.ts";
import { gather, zerosOf } from "./gather_scatter.ts";
import { scatter_ } from "./scatter_inplace.ts";
import { readOnlyContiguous } from "./scratch.ts";

function normDims(x: Tensor, dim: number | number[]): number[] {
  const dims = (Array.isArray(dim) ? dim : [dim]).map((d) => wrapDim(d, x.dim()));
  if (new Set(dims).size !== dims.length) throw runtimeError(`dim ${dims[0]} appears multiple times in the list of dims`);
  return dims.sort((a, b) => a - b);
}

/** How to read the n reduced elements of one output: data[base + i * stride] (a single
 *  reduced dim), or a gathered buffer with stride 1 (several dims). */
/** `column`/`inner`: for one reduced dim that is not the last, the output's place in the
 *  contiguous run of `inner` outputs (ATen's outer-sum loops treat columns differently) */
type Reduce = ((data: ArrayLike<number>, base: number, stride: number, n: number, innermost: boolean, column: number, inner: number) => number) & {
  /** the same for a whole run of `inner` columns at once (out[o0 + c] for column c, from data[base + c]),
   *  where that walks memory in order instead of column by column */
  columns?: (data: ArrayLike<number>, base: number, stride: number, n: number, inner: number, out: number[], o0: number) => void;
  /** a float sum over several dims that do not coalesce, added in ATen's order (multiDimSum), then `then` */
  multiDim?: { dtype: DType; then: (s: number) => number };
};

/** The dims of x from outermost to innermost in memory, when x is a permuted view of a dense
 *  block (x.t(), x.permute(...)), else null. ATen's reductions walk memory in that order, so
 *  such a view sums as its contiguous original does. */
function memoryOrder(x: Tensor): number[] | null {
  if (x.isContiguous()) return null;
  const order = x.shape.map((_, i) => i).sort((a, b) => x.strides[b] - x.strides[a] || a - b);
  let expected = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    const d = order[k];
    if (x.shape[d] !== 1 && x.strides[d] !== expected) return null;
    expected *= x.shape[d];
  }
  return order;
}

/** reduce values over `dims` with fn per output element (in memory order for a permuted view) */
function reduceDims(x: Tensor, dims: number[], keepdim: boolean, outDType: DType, fn: Reduce): Tensor {
  const order = memoryOrder(x);
  if (!order) {
    const r = reduceValues(x.contiguousData(), x.shape, dims, keepdim, fn);
    return fromValues(x.rt, r.values, r.shape, outDType);
  }
  const memShape = order.map((d) => x.shape[d]);
  const memDims = dims.map((d) => order.indexOf(d)).sort((a, b) => a - b);
  const data = x.storage.data.subarray(x.offset, x.offset + x.numel);
  const mem = reduceValues(data, memShape, memDims, true, fn).values;
  // back to x's own order of dims
  const keptShape = x.shape.map((s, i) => (dims.includes(i) ? 1 : s));
  const memStrides = new Array<number>(order.length);
  let st = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    memStrides[order[k]] = st;
    st *= keptShape[order[k]];
  }
  const out = new Array<number>(mem.length);
  for (let o = 0; o < out.length; o++) {
    let rem = o;
    let at = 0;
    for (let d = keptShape.length - 1; d >= 0; d--) {
      at += (rem % keptShape[d]) * memStrides[d];
      rem = Math.floor(rem / keptShape[d]);
    }
    out[o] = mem[at];
  }
  const shape = keepdim ? keptShape : x.shape.filter((_, i) => !dims.includes(i));
  return fromValues(x.rt, out, shape, outDType);
}

function coalesced(shape: number[], dims: number[]): { shape: number[]; dims: number[] } {
  if (shape.some((s) => s === 0)) return { shape, dims };
  const out: number[] = [];
  const reduced: boolean[] = [];
  shape.forEach((s, i) => {
    if (s === 1) return;
    const r = dims.includes(i);
    if (out.length > 0 && reduced[out.length - 1] === r) out[out.length - 1] *= s;
    else {
      out.push(s);
      reduced.push(r);
    }
  });
  return { shape: out, dims: out.map((_, i) => i).filter((i) => reduced[i]) };
}

/** x's elements in the order ATen's full reductions read them */
const memoryData = (x: Tensor): ArrayLike<number> =>
  memoryOrder(x) ? x.storage.data.subarray(x.offset, x.offset + x.numel) : readOnlyContiguous(x);

function reduceValues(vals: ArrayLike<number>, fullShape: number[], fullDims: number[], keepdim: boolean, fn: Reduce): { values: number[]; shape: number[] } {
  const outShape = keepdim
    ? fullShape.map((s, i) => (fullDims.includes(i) ? 1 : s))
    : fullShape.filter((_, i) => !fullDims.includes(i));
  // ATen coalesces neighbouring dims that are both reduced or both kept (sum((0, 1)) of a
  // contiguous (6, 5, 40) tensor is a sum(0) of a (30, 40) one) and drops dims of size 1
  const { shape, dims } = coalesced(fullShape, fullDims);
  const kept = shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  const n = numelOf(dims.map((d) => shape[d]));
  const outN = numelOf(kept.map((i) => shape[i]));
  // the reduced dims are the last ones: one run, contiguous in memory (ATen coalesces them, so
  // sum(x, (0, 1)) of a 2-d x adds in the order of a full sum); dims of size 1 do not count, as
  // ATen drops them first (a (20, 1) tensor's sum(0) is a contiguous run of 20)
  const big = shape.map((_, i) => i).filter((i) => shape[i] !== 1);
  const bigDims = dims.filter((d) => shape[d] !== 1);
  const innermost =
    bigDims.length > 0
      ? bigDims.every((d, i) => d === big[big.length - bigDims.length + i])
      : dims.length > 0 && dims.every((d, i) => d === shape.length - dims.length + i);
  const inner = dims.length === 1 ? numelOf(shape.slice(dims[0] + 1)) : 1;
  const single = dims.length <= 1;
  const stride = dims.length === 1 ? strides[dims[0]] : 1;
  if (!single && fn.multiDim && bigDims.length > 1) {
    const { dtype, then } = fn.multiDim;
    return { values: multiDimSum(vals, shape, dims, dtype).map(then), shape: outShape };
  }
  const buf = single ? null : new Float64Array(n);
  const out = new Array<number>(outN);
  // one reduced dim with columns after it: a run of `inner` outputs at a time when fn can
  const step = fn.columns && single && dims.length === 1 && !innermost && inner > 1 ? inner : 1;
  for (let o = 0; o < outN; o += step) {
    let base = 0;
    let rem = o;
    for (let k = kept.length - 1; k >= 0; k--) {
      const d = kept[k];
      base += (rem % shape[d]) * strides[d];
      rem = Math.floor(rem / shape[d]);
    }
    if (buf) {
      for (let i = 0; i < n; i++) {
        let off = base;
        let r = i;
        for (let k = dims.length - 1; k >= 0; k--) {
          const d = dims[k];
          off += (r % shape[d]) * strides[d];
          r = Math.floor(r / shape[d]);
        }
        buf[i] = vals[off];
      }
      out[o] = fn(buf, 0, 1, n, innermost, 0, 1);
    } else if (step > 1) fn.columns!(vals, base, stride, n, inner, out, o);
    else out[o] = fn(vals, base, stride, n, innermost, o % inner, inner);
  }
  return { values: out, shape: outShape };
}

const sumDType = (d: DType): DType => (isFloating(d) ? d : "int64");

function sumValues(dtype: DType, then: (s: number) => number = (s) => s): Reduce {
  const fn: Reduce = (data, base, stride, n, innermost, column, inner) => {
    if (!isFloating(dtype)) {
      let acc = 0;
      for (let i = 0; i < n; i++) acc += data[base + i * stride];
      return then(acc);
    }
    if (innermost && stride === 1) return then(cascadeSum(data, base, n, dtype));
    return then(outerColumnSum(data, base, stride, n, dtype, column, inner));
  };
  if (isFloating(dtype)) {
    fn.columns = (data, base, stride, n, inner, out, o0) => {
      outerColumnsSum(data, base, stride, n, dtype, inner, out, o0);
      for (let c = o0; c < o0 + inner; c++) out[c] = then(out[c]!);
    };
    fn.multiDim = { dtype, then };
  }
  return fn;
}

export function sum(x: Tensor, dim?: number | number[] | null, keepdim = false): Tensor {
  const dtype = sumDType(x.dtype);
  const sizes = x.shape.slice();
  if (dim === undefined || dim === null) {
    const v = memoryData(x);
    let total = 0;
    if (isFloating(dtype)) total = cascadeSum(v, 0, v.length, dtype);
    else for (let i = 0; i < v.length; i++) total += v[i];
    return record(fromValues(x.rt, [total], [], dtype), {
      op: "sum",
      gradFn: "SumBackward0",
      inputs: [x],
      backward: ([g]) => [expand(g!, sizes)],
      jvp: ([t]) => sum(t!),
    });
  }
  const dims = normDims(x, dim);
  const effective = x.dim() === 0 ? [] : dims;
  const out = reduceDims(x, effective, keepdim, dtype, sumValues(dtype));
  return record(out, {
    op: "sum",
    gradFn: "SumBackward1",
    inputs: [x],
    backward: ([g]) => [sumBackward(g!, sizes, effective, keepdim)],
    jvp: ([t]) => sum(t!, dim, keepdim),
  });
}

function sumBackward(g: Tensor, sizes: number[], dims: number[], keepdim: boolean): Tensor {
  let r = g;
  if (!keepdim && sizes.length > 0) for (const d of dims) r = unsqueeze(r, d);
  return expand(r, sizes);
}

function checkMeanDType(x: Tensor): void {
  if (!isFloating(x.dtype))
    throw runtimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${atenTypeName(x.dtype)}`,
    );
}

export function mean(x: Tensor, dim?: number | number[] | null, keepdim = false): Tensor {
  checkMeanDType(x);
  const sizes = x.shape.slice();
  const n = x.numel;
  if (dim === undefined || dim === null) {
    const v = memoryData(x);
    const s = cascadeSum(v, 0, v.length, x.dtype);
    return record(fromValues(x.rt, [s / n], [], x.dtype), {
      op: "mean",
      gradFn: "MeanBackward0",
      inputs: [x],
      backward: ([g]) => [divScalar(expand(g!, sizes), BigInt(n))],
      jvp: ([t]) => mean(t!),
    });
  }
  const dims = x.dim() === 0 ? [] : normDims(x, dim);
  const count = numelOf(dims.map((d) => sizes[d]));
  const out = reduceDims(x, dims, keepdim, x.dtype, sumValues(x.dtype, (s) => s / count));
  return record(out, {
    op: "mean",
    gradFn: "MeanBackward1",
    inputs: [x],
    backward: ([g]) => [divScalar(sumBackward(g!, sizes, dims, keepdim), BigInt(count))],
    jvp: ([t]) => mean(t!, dim, keepdim),
  });
}

function extremum(x: Tensor, isMax: boolean, dim?: number | null, keepdim = false): Tensor | [Tensor, Tensor] {
  const better = (a: number, b: number) => (Number.isNaN(a) ? !Number.isNaN(b) : isMax ? a > b : a < b);
  const name = isMax ? "max" : "min";
  if (dim === undefined || dim === null) {
    if (x.numel === 0)
      throw runtimeError(
        `${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
      );
    const v = x.values();
    let best = v[0];
    for (const a of v) if (better(a, best)) best = a;
    const out = fromValues(x.rt, [best], [], x.dtype);
    return record(out, {
      op: name,
      gradFn: isMax ? "MaxBackward1" : "MinBackward1",
      inputs: [x],
      save: { self: x, result: out },
      backward: ([g], node) => [evenlyDistribute(g!, node.unpack("self"), node.unpack("result"))],
      // evenly_read_jvp: the tangents of the elements equal to the result, averaged
      jvp: ([t]) => {
        const mask = eq(x, out);
        return div(sum(mul(t!, mask)), sum(mask));
      },
    });
  }
  const d = wrapDim(dim, x.dim());
  const sizes = x.shape.slice();
  const idx: number[] = [];
  const values = reduceDims(x, x.dim() === 0 ? [] : [d], keepdim, x.dtype, (data, base, stride, n) => {
    let bi = 0;
    for (let i = 1; i < n; i++) if (better(data[base + i * stride], data[base + bi * stride])) bi = i;
    idx.push(bi);
    return data[base + bi * stride];
  });
  const indices = fromValues(x.rt, idx, values.shape.slice(), "int64");
  recordConstant(indices, `${name}.indices`, [x]);
  record(values, {
    op: name,
    gradFn: isMax ? "MaxBackward0" : "MinBackward0",
    inputs: [x],
    save: { indices },
    backward: ([g], node) => [valueSelectingBackward(g!, d, node.unpack("indices"), sizes, keepdim)],
    // gather_with_keepdimed_indices
    jvp: ([t]) => (keepdim || x.dim() === 0 ? gather(t!, d, indices) : squeeze(gather(t!, d, unsqueeze(indices, d)), d)),
  });
  return [values, indices];
}

/** evenly_distribute_backward: the gradient shared by the elements equal to the max (or NaN,
 *  when the max is NaN), written into zeros with masked_fill_ (so the others are +0) */
function evenlyDistribute(grad: Tensor, input: Tensor, value: Tensor): Tensor {
  const mask = Number.isNaN(value.at(0)) ? isnan(input) : eq(input, value);
  return maskedFill_(zerosOf(grad, input.shape, "new_zeros"), mask, div(grad, sum(mask)));
}

export const max = (x: Tensor, dim?: number | null, keepdim = false) => extremum(x, true, dim, keepdim);
export const min = (x: Tensor, dim?: number | null, keepdim = false) => extremum(x, false, dim, keepdim);

/** ATen 1.13's value_selecting_reduction_backward: zeros of the input's shape, then scatter_ of
 *  the gradient at the selected indices (so create_graph shows ScatterBackward0 over it) */
function valueSelectingBackward(g: Tensor, dim: number, indices: Tensor, sizes: number[], keepdim: boolean): Tensor {
  const zeros = zerosOf(g, sizes);
  if (!keepdim && sizes.length > 0) return scatter_(zeros, dim, unsqueeze(indices, dim), unsqueeze(g, dim));
  return scatter_(zeros, dim, indices, g);
}

/** at::sum_to: sum a broadcast gradient down to `shape` (SumBackward1 + ViewBackward0 under create_graph) */
export function sumTo(t: Tensor, shape: number[]): Tensor {
  if (shape.length === 0) return t.dim() === 0 ? t : sum(t);
  const lead = t.dim() - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < lead; i++) dims.push(i);
  for (let i = lead; i < t.dim(); i++) if (shape[i - lead] === 1 && t.shape[i] !== 1) dims.push(i);
  let r = t;
  if (dims.length > 0) r = sum(r, dims, true);
  return lead > 0 ? view(r, shape) : r;
}

/** any() / all(): bool results, no grad */
export function any(x: Tensor): Tensor {
  return recordConstant(fromValues(x.rt, [x.values().some((v) => v !== 0) ? 1 : 0], [], "bool"), "any", [x]);
}
export function all(x: Tensor): Tensor {
  return recordConstant(fromValues(x.rt, [x.values().every((v) => v !== 0) ? 1 : 0], [], "bool"), "all", [x]);
}

/** argmax/argmin: the flat index (no dim) or the indices along dim; int64, no grad */
export function argmax(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argExtremum(x, true, dim, keepdim);
}
export function argmin(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argExtremum(x, false, dim, keepdim);
}

function argExtremum(x: Tensor, isMax: boolean, dim: number | null | undefined, keepdim: boolean): Tensor {
  if (dim === undefined || dim === null) {
    if (x.numel === 0)
      throw indexError(`${isMax ? "argmax" : "argmin"}(): Expected reduction dim to be specified for input.numel() == 0.`);
    const flatX = fromValues(x.rt, x.values(), [x.numel], x.dtype);
    const [, idx] = extremum(flatX, isMax, 0, false) as [Tensor, Tensor];
    // keepdim without a dim keeps every dim, at size 1
    const shape = keepdim ? x.shape.map(() => 1) : [];
    return recordConstant(fromValues(x.rt, idx.values(), shape, "int64"), isMax ? "argmax" : "argmin", [x]);
  }
  const [, idx] = x.rt.noGrad(() => extremum(x, isMax, dim, keepdim)) as [Tensor, Tensor];
  return idx;
}
