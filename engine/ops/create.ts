// Tensor creation: tensor, zeros, ones, full, eye, arange, linspace, the *_like family,
// and rand/randn/randint from the runtime's PyTorch-exact generator.
import { castValue, DEFAULT_FLOAT, isFloating, scalarDType, scalarToNumber, type DType, type Scalar } from "../dtype.ts";
import { runtimeError, typeError, valueError } from "../errors.ts";
import type { Runtime } from "../runtime.ts";
import type { TorchGenerator } from "../random/index.ts";
import { filled, fromValues, numelOf, Tensor } from "../tensor.ts";
import { fma } from "../random/fma.ts";
import { fmaf } from "../random/float32Math.ts";

export interface CreateOptions {
  dtype?: DType;
  requiresGrad?: boolean;
  /** the generator random factories draw from (torch.Generator); default: the runtime's */
  generator?: TorchGenerator;
}

export type NestedData = Scalar | Tensor | NestedData[];

export function created(t: Tensor, how: string, requiresGrad = false): Tensor {
  if (requiresGrad) {
    checkRequiresGradDType(t.dtype);
    t.setLeafRequiresGrad(true);
  }
  if (t.rt.sink) t.rt.emit({ kind: "tensor/created", tensor: t.info(true), how, span: t.rt.span });
  return t;
}

export function checkRequiresGradDType(d: DType): void {
  if (!isFloating(d)) throw runtimeError("Only Tensors of floating point and complex dtype can require gradients");
}

function flatten(data: NestedData, depth: number, shape: number[], out: Scalar[], dtypes: Set<DType>): void {
  if (Array.isArray(data)) {
    if (shape.length === depth) shape.push(data.length);
    else if (shape[depth] !== data.length)
      throw valueError(`expected sequence of length ${shape[depth]} at dim ${depth} (got ${data.length})`);
    for (const d of data) flatten(d, depth + 1, shape, out, dtypes);
    return;
  }
  if (shape.length > depth) throw typeError(`not a sequence`);
  if (data instanceof Tensor) {
    if (data.numel !== 1) throw valueError("only one element tensors can be converted to Python scalars");
    dtypes.add(data.dtype);
    const v = data.at(0);
    out.push(data.dtype === "bool" ? v !== 0 : data.dtype === "int64" ? BigInt(v) : v);
    return;
  }
  dtypes.add(scalarDType(data));
  out.push(data);
}

export function tensor(rt: Runtime, data: NestedData, opts: CreateOptions = {}): Tensor {
  const shape: number[] = [];
  const flat: Scalar[] = [];
  const dtypes = new Set<DType>();
  flatten(data, 0, shape, flat, dtypes);
  const inferred: DType = dtypes.has("float64")
    ? "float64"
    : dtypes.has("float32")
      ? DEFAULT_FLOAT
      : dtypes.has("int64")
        ? "int64"
        : dtypes.size > 0
          ? "bool"
          : DEFAULT_FLOAT;
  const dtype = opts.dtype ?? (dtypes.has("float64") && !dtypes.has("float32") ? "float64" : inferred);
  const values = flat.map((s) => castValue(scalarToNumber(s), dtype));
  return created(fromValues(rt, values, shape, dtype), "tensor", opts.requiresGrad);
}

export function full(rt: Runtime, shape: number[], value: Scalar, opts: CreateOptions = {}, how = "full"): Tensor {
  for (const d of shape) if (d < 0) throw runtimeError(`Trying to create tensor with negative dimension ${d}: [${shape.join(", ")}]`);
  const dtype = opts.dtype ?? scalarDType(value);
  const n = numelOf(shape);
  rt.checkElements(n);
  const v = castValue(scalarToNumber(value), dtype);
  return created(filled(rt, shape.slice(), dtype, v), how, opts.requiresGrad);
}

export const zeros = (rt: Runtime, shape: number[], opts: CreateOptions = {}) =>
  full(rt, shape, 0, { ...opts, dtype: opts.dtype ?? DEFAULT_FLOAT }, "zeros");
export const ones = (rt: Runtime, shape: number[], opts: CreateOptions = {}) =>
  full(rt, shape, 1, { ...opts, dtype: opts.dtype ?? DEFAULT_FLOAT }, "ones");

export function eye(rt: Runtime, n: number, m = n, opts: CreateOptions = {}): Tensor {
  if (n < 0) throw runtimeError(`n must be greater or equal to 0, got ${n}`);
  const t = filled(rt, [n, m], opts.dtype ?? DEFAULT_FLOAT);
  for (let i = 0; i < Math.min(n, m); i++) t.storage.data[i * m + i] = 1;
  return created(t, "eye", opts.requiresGrad);
}

export function arange(rt: Runtime, start: Scalar, end?: Scalar | null, step: Scalar = 1n, opts: CreateOptions = {}): Tensor {
  if (end === undefined || end === null) {
    end = start;
    start = 0n;
  }
  const allInt = [start, end, step].every((x) => typeof x === "bigint");
  const dtype = opts.dtype ?? (allInt ? "int64" : DEFAULT_FLOAT);
  const [s, e, st] = [start, end, step].map(scalarToNumber);
  if (st === 0) throw runtimeError("step must be nonzero");
  if ((st > 0 && e < s) || (st < 0 && e > s)) throw runtimeError("upper bound and larger bound inconsistent with step sign");
  const n = Math.ceil((e - s) / st);
  rt.checkElements(n);
  const v = isFloating(dtype) ? vectorised(n, dtype, (idx) => fma(st, idx, s), (base, j) => fma(j, st, base)) : Array.from({ length: n }, (_, i) => s + st * i);
  return created(fromValues(rt, v.map((x) => castValue(x, dtype)), [n], dtype), "arange", opts.requiresGrad);
}

export function linspace(rt: Runtime, start: Scalar, end: Scalar, steps: number, opts: CreateOptions = {}): Tensor {
  if (steps < 0) throw runtimeError("number of steps must be non-negative");
  const dtype = opts.dtype ?? DEFAULT_FLOAT;
  rt.checkElements(steps);
  const s = castValue(scalarToNumber(start), dtype);
  const e = castValue(scalarToNumber(end), dtype);
  const v = steps === 1 ? [s] : steps > 1 ? linspaceValues(s, e, steps, dtype) : [];
  return created(fromValues(rt, v, [steps], dtype), "linspace", opts.requiresGrad);
}

/** ATen 2.6's linspace kernel, element for element (a serial loop since 2.0; 1.13 vectorised it):
 *  start + step·idx below halfway, end - step·(steps-1-idx) from there on, each contracted by the
 *  compiler to one fused multiply-add. */
function linspaceValues(s: number, e: number, steps: number, dtype: DType): number[] {
  if (!isFloating(dtype)) {
    const step = (e - s) / (steps - 1);
    return Array.from({ length: steps }, (_, i) => castValue(i < steps / 2 ? s + step * i : e - step * (steps - i - 1), dtype));
  }
  const r = dtype === "float32" ? Math.fround : (x: number) => x;
  const fused = dtype === "float32" ? fmaf : fma;
  const step = r(r(e - s) / (steps - 1));
  const half = Math.floor(steps / 2);
  return Array.from({ length: steps }, (_, idx) => r(idx < half ? fused(step, idx, s) : fused(-step, steps - idx - 1, e)));
}

/** the order ATen's cpu_serial_kernel_vec fills a range: two vectors (8 floats or 4 doubles)
 *  at a time, each from its first element `at(first)` and `lane(base, j)` for the others, then
 *  the remaining elements one by one with `at`. arange and linspace get their last bits from it. */
function vectorised(n: number, dtype: DType, at: (idx: number) => number, lane: (base: number, j: number) => number): number[] {
  const lanes = dtype === "float32" ? 8 : 4;
  const r = dtype === "float32" ? Math.fround : (x: number) => x;
  const out = new Array<number>(n);
  const vector = (first: number) => {
    const base = r(at(first));
    out[first] = base;
    for (let j = 1; j < lanes; j++) out[first + j] = r(lane(base, j));
  };
  let i = 0;
  for (; i + 2 * lanes <= n; i += 2 * lanes) {
    vector(i);
    vector(i + lanes);
  }
  for (; i < n; i++) out[i] = r(at(i));
  return out;
}

function randomFloatDType(opts: CreateOptions, fn: string): "float32" | "float64" {
  const dtype = opts.dtype ?? DEFAULT_FLOAT;
  if (dtype !== "float32" && dtype !== "float64")
    throw runtimeError(`"${fn}" not implemented for '${dtype === "int64" ? "Long" : "Bool"}'`);
  return dtype;
}

export function rand(rt: Runtime, shape: number[], opts: CreateOptions = {}): Tensor {
  const dtype = randomFloatDType(opts, "check_uniform_bounds");
  rt.checkElements(numelOf(shape));
  return created(fromValues(rt, (opts.generator ?? rt.generator).rand(numelOf(shape), dtype), shape.slice(), dtype), "rand", opts.requiresGrad);
}

export function randn(rt: Runtime, shape: number[], opts: CreateOptions = {}): Tensor {
  const dtype = randomFloatDType(opts, "normal_kernel_cpu");
  rt.checkElements(numelOf(shape));
  return created(fromValues(rt, (opts.generator ?? rt.generator).randn(numelOf(shape), dtype), shape.slice(), dtype), "randn", opts.requiresGrad);
}

export function randint(rt: Runtime, low: number, high: number, shape: number[], opts: CreateOptions = {}): Tensor {
  if (low >= high) throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  rt.checkElements(numelOf(shape));
  const dtype = opts.dtype ?? "int64";
  return created(fromValues(rt, (opts.generator ?? rt.generator).randint(low, high, numelOf(shape)), shape.slice(), dtype), "randint", opts.requiresGrad);
}

export function manualSeed(rt: Runtime, seed: number | bigint): void {
  rt.generator.manualSeed(seed);
}

const likeOpts = (x: Tensor, opts: CreateOptions): CreateOptions => ({ ...opts, dtype: opts.dtype ?? x.dtype });
export const zerosLike = (x: Tensor, opts: CreateOptions = {}) => full(x.rt, x.shape, 0, likeOpts(x, opts), "zeros_like");
export const onesLike = (x: Tensor, opts: CreateOptions = {}) => full(x.rt, x.shape, 1, likeOpts(x, opts), "ones_like");
export const fullLike = (x: Tensor, v: Scalar, opts: CreateOptions = {}) => full(x.rt, x.shape, v, likeOpts(x, opts), "full_like");
export const randLike = (x: Tensor, opts: CreateOptions = {}) => rand(x.rt, x.shape, likeOpts(x, opts));
export const randnLike = (x: Tensor, opts: CreateOptions = {}) => randn(x.rt, x.shape, likeOpts(x, opts));

export { scalarDType };
