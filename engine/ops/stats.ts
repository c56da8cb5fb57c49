// prod, var, std and vector norms, over every element or along dims: the values in the order
// ATen's CPU kernels combine them (so `.item()` prints PyTorch's digits) and PyTorch 2.6's
// backward formulas (FunctionsManual's prod_backward, var_backward, std_backward, norm_backward),
// written with engine ops so create_graph records their nodes.
import { libmPow } from "../random/libmPow.ts";
import { libmPowf } from "../random/libmPowf.ts";
import { isFloating, type DType } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { div, mul, mulScalar, pow, sub } from "./arith.ts";
import { eq, logicalOr, where } from "./compare.ts";
import { cascadeSum } from "./cascade_sum.ts";
import { ones } from "./create.ts";
import { cumprod } from "./cumprod.ts";
import { cat, contiguous, slice } from "./index_ops.ts";
import { maskedFill_ } from "./masked.ts";
import { norm2 } from "./norm2.ts";
import { blockReduce } from "./vec_reduce.ts";
import { isnan } from "./math_extra.ts";
import { mean, sum } from "./reduce.ts";
import { flip } from "./reorder.ts";
import { abs, sgn, zerosLikeT } from "./unary.ts";
import { expand, unsqueeze, view, wrapDim } from "./views.ts";
import { normJvp, prodJvp, stdJvp, varJvp } from "./stats_jvp.ts";

/** the reduced dims, wrapped and sorted; null (or an empty list) reduces every element */
function reducedDims(x: Tensor, dim: number | number[] | null): number[] {
  if (dim === null || (Array.isArray(dim) && dim.length === 0)) return x.shape.map((_, i) => i);
  const dims = (Array.isArray(dim) ? dim : [dim]).map((d) => wrapDim(d, x.dim()));
  if (new Set(dims).size !== dims.length) throw runtimeError(`dim ${dims[0]} appears multiple times in the list of dims`);
  return x.dim() === 0 ? [] : dims.sort((a, b) => a - b);
}

/** fn over each output's run of values, read from storage in memory order (TensorIterator sorts
 *  dims by stride); `inner`: the run is one dense block of memory, which ATen's vectorized inner
 *  reductions take, else its kernels read one element at a time */
function reduceRuns(x: Tensor, dims: number[], keepdim: boolean, out: DType, fn: (run: number[], inner: boolean) => number): Tensor {
  const nd = x.dim();
  const kept = x.shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const order = dims.slice().sort((a, b) => x.strides[b] - x.strides[a] || a - b);
  let expected = 1;
  let inner = true;
  for (let k = order.length - 1; k >= 0; k--) {
    const d = order[k];
    if (x.shape[d] !== 1 && x.strides[d] !== expected) inner = false;
    expected *= x.shape[d];
  }
  const n = numelOf(dims.map((d) => x.shape[d]));
  const outN = numelOf(kept.map((d) => x.shape[d]));
  const data = x.storage.data;
  const values = new Array<number>(outN);
  const run = new Array<number>(n);
  for (let o = 0; o < outN; o++) {
    let base = x.offset;
    for (let k = kept.length - 1, rem = o; k >= 0; k--) {
      base += (rem % x.shape[kept[k]]) * x.strides[kept[k]];
      rem = Math.floor(rem / x.shape[kept[k]]);
    }
    for (let i = 0; i < n; i++) {
      let off = base;
      for (let k = order.length - 1, rem = i; k >= 0; k--) {
        off += (rem % x.shape[order[k]]) * x.strides[order[k]];
        rem = Math.floor(rem / x.shape[order[k]]);
      }
      run[i] = data[off];
    }
    values[o] = fn(run, inner);
  }
  const shape = keepdim ? x.shape.map((s, i) => (dims.includes(i) ? 1 : s)) : kept.map((d) => x.shape[d]);
  return fromValues(x.rt, values, nd === 0 ? [] : shape, out);
}

const rounder = (d: DType) => (d === "float32" ? Math.fround : (v: number) => v);
const lanesOf = (d: DType) => (d === "float32" ? 8 : 4);

/** unsqueeze_multiple: put the reduced dims back as size-1 dims */
function unsqueezeDims(t: Tensor, dims: number[]): Tensor {
  let r = t;
  for (const d of dims) r = unsqueeze(r, d);
  return r;
}

// ---------------------------------------------------------------------------------- prod

/** the product of a run: a dense run as binary_kernel_reduce_vec multiplies it, else in order */
function productOf(run: number[], inner: boolean, dtype: DType): number {
  if (!isFloating(dtype)) return run.reduce((a, b) => a * b, 1);
  const r = rounder(dtype);
  if (inner) return blockReduce(run, lanesOf(dtype), 1, (a, b) => r(a * b));
  return run.reduce((a, b) => r(a * b), 1);
}

/** x.prod() (ProdBackward0) and x.prod(dim, keepdim) (ProdBackward1); integers multiply as int64 */
export function prod(x: Tensor, dim: number | null = null, keepdim = false, dtype?: DType): Tensor {
  const outDType = dtype ?? (isFloating(x.dtype) ? x.dtype : "int64");
  const dims = dim === null ? reducedDims(x, null) : reducedDims(x, dim);
  const out = reduceRuns(x, dims, dim === null ? false : keepdim, outDType, (run, inner) => productOf(run, inner, outDType));
  const d = dim === null ? null : dims[0] ?? 0;
  return record(out, {
    op: "prod",
    gradFn: dim === null ? "ProdBackward0" : "ProdBackward1",
    inputs: [x],
    save: { self: x, result: out },
    backward: ([g], node) => {
      const self = node.unpack("self");
      const input = self.dtype === g!.dtype ? self : self.rt.internally(() => self); // self.to(grad's dtype)
      return [prodBackward(g!, input, node.unpack("result"), d, keepdim)];
    },
    jvp: ([t]) => prodJvp(x, out, t!, d, keepdim, prodBackward),
  });
}

/** prod_backward: grad * (result / input) without zeros, else the products of the others */
function prodBackward(grad: Tensor, input: Tensor, result: Tensor, dim: number | null, keepdim: boolean): Tensor {
  if (input.dim() === 0) return grad;
  const zeros = input.values().filter((v) => v === 0).length;
  if (dim === null) {
    if (zeros === 0) return mul(grad, div(result, input));
    if (!grad.rt.gradEnabled && zeros > 1) return zerosLikeT(input);
    return view(prodSafeZerosBackward(grad, view(contiguous(input), [-1]), 0), input.shape.slice());
  }
  let g = grad;
  let res = result;
  if (!keepdim) {
    g = unsqueeze(g, dim);
    res = unsqueeze(res, dim);
  }
  if (zeros === 0) return mul(g, div(res, input));
  return prodSafeZerosBackward(g, input, dim);
}

/** prod_safe_zeros_backward: exclusive cumulative products from both ends, multiplied */
function prodSafeZerosBackward(grad: Tensor, inp: Tensor, dim: number): Tensor {
  if (inp.numel === 0) return expand(grad, inp.shape.slice());
  const size = inp.shape[dim];
  const onesShape = inp.shape.slice();
  onesShape[dim] = 1;
  const one = ones(grad.rt, onesShape, { dtype: grad.dtype });
  const exclusiveNormal = cumprod(cat([one, slice(inp, dim, 0, size - 1)], dim), dim);
  const narrowReverse = flip(slice(inp, dim, 1, size), [dim]);
  const exclusiveReverse = flip(cumprod(cat([one, narrowReverse], dim), dim), [dim]);
  return mul(grad, mul(exclusiveNormal, exclusiveReverse));
}

// ----------------------------------------------------------------------------- var, std

/** var over every element (std_var_all_cpu): the float mean, then squares summed in double */
function varianceAll(v: number[], dtype: DType, correction: number): number {
  const m = rounder(dtype)(cascadeSum(v, 0, v.length, dtype) / v.length);
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] - m) * (v[i] - m);
  return s / Math.max(0, v.length - correction);
}

/** WelfordOps in double, one element at a time */
function welford(run: number[], correction: number): number {
  let m = 0;
  let m2 = 0;
  for (let i = 0; i < run.length; i++) {
    const delta = run[i] - m;
    m += delta / (i + 1);
    m2 += delta * (run[i] - m);
  }
  return m2 / Math.max(0, run.length - correction);
}

export interface VarOptions {
  dim?: number | number[] | null;
  correction?: number;
  keepdim?: boolean;
}

function varianceOf(x: Tensor, which: "var" | "std", opts: VarOptions): Tensor {
  if (!isFloating(x.dtype)) throw runtimeError("std and var only support floating point and complex dtypes");
  const dim = opts.dim ?? null;
  const correction = opts.correction ?? 1;
  const keepdim = opts.keepdim ?? false;
  const dims = reducedDims(x, dim);
  const n = numelOf(dims.map((d) => x.shape[d]));
  const outN = numelOf(x.shape) / Math.max(n, 1);
  if (n - correction <= 0 && x.numel > 0 && outN > 0)
    x.rt.warn(
      "UserWarning",
      `${which}(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor (input numel divided by output numel). (Triggered internally at ./aten/src/ATen/native/ReduceOps.cpp:1831.)`,
    );
  const finish = (v: number) => (which === "std" ? Math.sqrt(v) : v);
  const out = reduceRuns(x, dims, keepdim, x.dtype, (run) =>
    run.length === 0 ? NaN : finish(outN === 1 ? varianceAll(run, x.dtype, correction) : welford(run, correction)),
  );
  const dimsForGrad = dim === null ? null : dims;
  return record(out, {
    op: which,
    gradFn: which === "var" ? "VarBackward0" : "StdBackward0",
    inputs: [x],
    save: which === "var" ? { self: x } : { self: x, result: out },
    backward: ([g], node) => {
      const self = node.unpack("self");
      if (which === "var") return [varBackward(g!, self, dimsForGrad, correction, keepdim)];
      const result = node.unpack("result");
      const gradVar = maskedFill_(div(g!, mulScalar(result, 2n)), eq(result, 0), 0);
      return [varBackward(gradVar, self, dimsForGrad, correction, keepdim)];
    },
    jvp: ([t]) => {
      const v = varJvp(x, t!, dimsForGrad, keepdim, (g, s, ds, kd) => varBackward(g, s, ds, correction, kd));
      return which === "var" ? v : stdJvp(v, out);
    },
  });
}

export const variance = (x: Tensor, opts: VarOptions = {}): Tensor => varianceOf(x, "var", opts);
export const std = (x: Tensor, opts: VarOptions = {}): Tensor => varianceOf(x, "std", opts);

function varBackward(grad: Tensor, self: Tensor, dims: number[] | null, correction: number, keepdim: boolean): Tensor {
  if (self.dim() === 0 || dims === null) {
    const dof = self.numel - correction;
    if (dof <= 0) return mul(grad, where(eq(self, mean(self)), NaN, Infinity));
    return mul(mulScalar(grad, 2 / dof), sub(self, mean(self)));
  }
  const g = !keepdim && self.dim() > 1 ? unsqueezeDims(grad, dims) : grad;
  const rnumel = numelOf(dims.map((d) => self.shape[d]));
  return mul(mulScalar(g, 2 / (rnumel - correction)), sub(self, mean(self, dims, true)));
}

// -------------------------------------------------------------------------------- norms

/** NormOps and friends of ATen's generic reduction: one element at a time */
function normSequential(run: number[], p: number, dtype: DType): number {
  const r = rounder(dtype);
  if (p === Infinity || p === -Infinity) {
    let acc = p === Infinity ? 0 : Infinity;
    for (const v of run) {
      const a = Math.abs(v);
      acc = Number.isNaN(acc) || Number.isNaN(a) ? NaN : p === Infinity ? Math.max(acc, a) : Math.min(acc, a);
    }
    return acc;
  }
  let acc = 0;
  if (p === 0) for (const v of run) acc = r(acc + (v !== 0 ? 1 : 0));
  else if (p === 1) for (const v of run) acc = r(acc + Math.abs(v));
  else if (p === 2) for (const v of run) acc = r(acc + r(v * v));
  else {
    // NormOps' std::pow: glibc's powf or pow
    const pow = dtype === "float32" ? libmPowf : dtype === "float64" ? libmPow : Math.pow;
    const pp = r(p);
    for (const v of run) acc = r(acc + r(pow(Math.abs(v), pp)));
    return r(pow(acc, r(1 / pp)));
  }
  return p === 2 ? r(Math.sqrt(acc)) : acc;
}

export interface NormOptions {
  p?: number;
  dim?: number | number[] | null;
  keepdim?: boolean;
}

/** linalg.vector_norm, as torch.norm and Tensor.norm call it for a number p (or 'fro') */
export function vectorNorm(x: Tensor, opts: NormOptions = {}): Tensor {
  if (!isFloating(x.dtype))
    throw runtimeError(`linalg.vector_norm: Expected a floating point or complex tensor as input. Got ${x.dtype === "int64" ? "Long" : x.dtype === "int32" ? "Int" : "Bool"}`);
  const p = opts.p ?? 2;
  const keepdim = opts.keepdim ?? false;
  const dim = opts.dim ?? null;
  const dims = reducedDims(x, dim);
  const r = rounder(x.dtype);
  // reducing over dims of size 1 only: |x| (or x != 0 for p = 0), as ATen special-cases it
  const oneElement = dims.every((d) => x.shape[d] === 1);
  const empty = x.numel === 0 ? (p < 0 ? Infinity : 0) : null;
  const out = reduceRuns(x, dims, keepdim, x.dtype, (run, inner) => {
    if (empty !== null || run.length === 0) return empty ?? (p < 0 ? Infinity : 0);
    if (oneElement) return p === 0 ? (run[0] !== 0 ? 1 : 0) : r(Math.abs(run[0]));
    return p === 2 && inner ? norm2(run, x.dtype as "float32" | "float64") : normSequential(run, p, x.dtype);
  });
  return record(out, {
    op: "norm",
    // torch.norm / Tensor.norm run linalg.vector_norm since PyTorch 2.0
    gradFn: "LinalgVectorNormBackward0",
    inputs: [x],
    save: { self: x, result: out },
    backward: ([g], node) => [normBackward(g!, node.unpack("self"), p, node.unpack("result"), dim === null ? [] : dims, keepdim)],
    jvp: ([t]) => normJvp(x, t!, p, out, dim === null ? [] : dims, keepdim),
  });
}

/** norm_backward (linalg_vector_norm_backward); p = 0 has no gradient */
function normBackward(grad: Tensor, self: Tensor, p: number, norm: Tensor, dims: number[], keepdim: boolean): Tensor | null {
  let g = grad;
  let n = norm;
  if (!keepdim && self.dim() !== 0) {
    g = unsqueezeDims(g, dims);
    n = unsqueezeDims(n, dims);
  }
  if (p === 0) return null;
  if (p === 1) return mul(sgn(self), g);
  if (p === 2) return mul(g, maskedFill_(div(self, n), eq(n, 0), 0));
  if (!Number.isFinite(p)) {
    const selfAbs = abs(self);
    const mask = logicalOr(eq(selfAbs, n), isnan(selfAbs));
    const count = sum(mask, dims.length ? dims : self.shape.map((_, i) => i), true);
    return mul(sgn(self), mul(div(g, count), mask));
  }
  if (p < 1) {
    const selfScaled = mul(sgn(self), maskedFill_(pow(abs(self), p - 1), eq(self, 0), 0));
    return mul(mul(selfScaled, g), pow(n, 1 - p));
  }
  const selfScaled = p < 2 ? mul(sgn(self), pow(abs(self), p - 1)) : mul(self, pow(abs(self), p - 2));
  const scale = maskedFill_(div(g, pow(n, p - 1)), eq(n, 0), 0);
  return mul(selfScaled, scale);
}
