// Elementwise kernels: broadcasting, type promotion of tensor/scalar operands, and the
// loops that compute in double and store in the result dtype (float32 rounds per op).
import { allocate, castValue, isFloating, resultType, scalarDType, scalarToNumber, type DType, type Scalar } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import type { Runtime } from "../runtime.ts";
import { contiguousStrides, fromStorage, fromValues, numelOf, Tensor } from "../tensor.ts";
import { fastBinary, type BinaryOp } from "./fast_binary.ts";
import { markReusable, outputArray } from "../buffer_pool.ts";

export type Operand = Tensor | Scalar;

export const isTensor = (x: unknown): x is Tensor => x instanceof Tensor;

export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1)
      throw runtimeError(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** PyTorch's result dtype for a mix of tensors and Python scalars. */
export function promote(operands: readonly Operand[]): DType {
  // fast path: a float tensor with same-dtype tensors or Python floats/ints
  const first = operands[0];
  if (isTensor(first) && isFloating(first.dtype)) {
    let simple = true;
    for (let i = 1; i < operands.length; i++) {
      const o = operands[i];
      if (isTensor(o) ? o.dtype !== first.dtype : typeof o === "boolean") simple = false;
    }
    if (simple) return first.dtype;
  }
  return resultType(
    operands.map((o) =>
      isTensor(o)
        ? { dtype: o.dtype, priority: o.shape.length === 0 ? 1 : 0 }
        : { dtype: scalarDType(o), priority: 2 },
    ),
  );
}

/** strides of t seen through a broadcast to `shape` (0 where broadcast) */
export function broadcastStrides(t: Tensor, shape: readonly number[]): number[] {
  const n = shape.length;
  const out = new Array<number>(n).fill(0);
  const k = t.shape.length;
  for (let i = 0; i < k; i++) {
    const d = n - k + i;
    out[d] = t.shape[i] === 1 && shape[d] !== 1 ? 0 : t.strides[i];
  }
  return out;
}

type Reader = (i: number) => number;

/** a reader of operand values in row-major order of `shape`, cast to dtype */
function reader(o: Operand, shape: number[], dtype: DType): Reader {
  if (!isTensor(o)) {
    const v = castValue(scalarToNumber(o), dtype);
    return () => v;
  }
  const data = o.storage.data;
  const needCast = o.dtype !== dtype;
  const cast = (x: number): number => (needCast ? castValue(x, dtype) : x);
  if (o.numel === 1) {
    const v = cast(data[o.offset]);
    return () => v;
  }
  if (o.isContiguous() && numelOf(o.shape) === numelOf(shape)) {
    const off = o.offset;
    return needCast ? (i) => cast(data[off + i]) : (i) => data[off + i];
  }
  // a contiguous operand matching the trailing dims (a bias row): it repeats every numel elements
  const lead = o.shape.findIndex((d) => d !== 1);
  const core = lead < 0 ? [] : o.shape.slice(lead);
  if (o.isContiguous() && core.every((d, i) => d === shape[shape.length - core.length + i])) {
    const off = o.offset;
    const m = o.numel;
    return needCast ? (i) => cast(data[off + (i % m)]) : (i) => data[off + (i % m)];
  }
  const strides = broadcastStrides(o, shape);
  const nd = shape.length;
  return (i) => {
    let off = o.offset;
    for (let d = nd - 1; d >= 0; d--) {
      const n = shape[d];
      off += (i % n) * strides[d];
      i = (i / n) | 0;
    }
    return cast(data[off]);
  };
}

export function runtimeOf(operands: readonly Operand[]): Runtime {
  for (const o of operands) if (isTensor(o)) return o.rt;
  throw new Error("internal: an op needs at least one tensor");
}

const EMPTY: number[] = [];

/** outputs taken from the pool: float dtypes (an int64 output, held in float64 too, is made
 *  fresh, though its memory may go to the pool once it is dead) */
const floatKind = (d: DType): d is "float32" | "float64" => d === "float32" || d === "float64";

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** a flat array to read directly: a scalar, or a contiguous tensor of the full shape already in dtype */
function direct(o: Operand, n: number, dtype: DType): boolean {
  return !isTensor(o) || (o.dtype === dtype && o.numel === n && o.isContiguous());
}

/** below this many elements the reference loop is as quick as planning the fast one */
const FAST_FROM = 16;

/** out[i] = fn(a[i], b[i]) over the broadcast shape; inputs cast to `compute`, stored as `out`.
 *  `op`, when given, names what fn computes (x + y, x - y, x * y, x / y): float operands then take
 *  fast_binary.ts's loops, which give the same bits; fn's loop below is their reference. */
export function binaryMap(
  a: Operand,
  b: Operand,
  compute: DType,
  outDType: DType,
  fn: (x: number, y: number) => number,
  op?: BinaryOp,
): Tensor {
  const ta = isTensor(a) ? a : null;
  const tb = isTensor(b) ? b : null;
  const rt = (ta ?? tb)!.rt;
  const sa = ta ? ta.shape : EMPTY;
  const sb = tb ? tb.shape : EMPTY;
  const shape = sameShape(sa, sb) ? sa.slice() : broadcastShapes(sa, sb);
  const n = numelOf(shape);
  rt.checkElements(n);
  const out = floatKind(outDType) ? outputArray(rt, outDType, n) : allocate(outDType, n);
  if (
    op !== undefined &&
    n >= FAST_FROM &&
    compute === outDType &&
    (compute === "float32" || compute === "float64") &&
    fastBinary(op, a, b, compute, shape, out as Float32Array | Float64Array, () => rt.checkDeadline())
  )
    return markReusable(fromStorage(rt, out, shape, outDType), out);
  if (direct(a, n, compute) && direct(b, n, compute)) {
    const ad = ta ? ta.storage.data : null;
    const bd = tb ? tb.storage.data : null;
    const ao = ta ? ta.offset : 0;
    const bo = tb ? tb.offset : 0;
    const as = ta ? 0 : castValue(scalarToNumber(a as Scalar), compute);
    const bs = tb ? 0 : castValue(scalarToNumber(b as Scalar), compute);
    for (let i = 0; i < n; i++) out[i] = fn(ad ? ad[ao + i] : as, bd ? bd[bo + i] : bs);
  } else {
    const ra = reader(a, shape, compute);
    const rb = reader(b, shape, compute);
    for (let i = 0; i < n; i++) out[i] = fn(ra(i), rb(i));
  }
  return markReusable(fromStorage(rt, out, shape, outDType), out);
}

/** out[i] = fn(x[i]); x read as `compute` (defaults to the output dtype) */
export function unaryMap(x: Tensor, outDType: DType, fn: (v: number) => number, compute: DType = outDType): Tensor {
  const n = x.numel;
  const out = floatKind(outDType) ? outputArray(x.rt, outDType, n) : allocate(outDType, n);
  if (direct(x, n, compute)) {
    const d = x.storage.data;
    const o = x.offset;
    for (let i = 0; i < n; i++) out[i] = fn(d[o + i]);
  } else {
    const r = reader(x, x.shape, compute);
    for (let i = 0; i < n; i++) out[i] = fn(r(i));
  }
  return markReusable(fromStorage(x.rt, out, x.shape.slice(), outDType), out);
}

export function ternaryMap(
  c: Tensor,
  a: Operand,
  b: Operand,
  dtype: DType,
  fn: (c: number, x: number, y: number) => number,
): Tensor {
  const shape = broadcastShapes(broadcastShapes(c.shape, isTensor(a) ? a.shape : []), isTensor(b) ? b.shape : []);
  const rc = reader(c, shape, "bool");
  const ra = reader(a, shape, dtype);
  const rb = reader(b, shape, dtype);
  const n = numelOf(shape);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = fn(rc(i), ra(i), rb(i));
  return fromValues(c.rt, out, shape, dtype);
}

export { contiguousStrides };
