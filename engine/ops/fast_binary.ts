// add, sub, mul and div of float tensors without a closure per element: the operands' strides
// seen through the broadcast are merged wherever memory allows (as ATen's TensorIterator
// coalesces dimensions), then contiguous runs, a row repeated over a batch (a bias) and a Python
// number go to the WebAssembly SIMD kernels, and anything else (strided views, broadcasts along
// inner dimensions) to one plain loop per op over rows (long rows with small steps to a WebAssembly
// loop that copies their spans in). Each element gets the one IEEE operation
// binaryMap's reference loop gives it (kernel.ts), so the bits are the same.
import { castValue, scalarToNumber, type DType, type Scalar } from "../dtype.ts";
import { Tensor } from "../tensor.ts";
import { binaryRows, binaryScalar, binarySteps, GATHER_MAX_STEP } from "./wasm/kernels.ts";
import type { BinaryOp } from "./wasm/binary_wasm.ts";

export type { BinaryOp };
type FloatArray = Float32Array | Float64Array;

/** an operand as the loops read it: element (i0, i1, ...) at data[offset + Σ ik·strides[k]] */
interface Side {
  data: FloatArray;
  offset: number;
  strides: number[];
}

/** the loop over one row, one function per op so each stays monomorphic */
type Row = (out: FloatArray, o: number, a: FloatArray, ia: number, sa: number, b: FloatArray, ib: number, sb: number, m: number) => void;
const ROWS: Record<BinaryOp, Row> = {
  add: (out, o, a, ia, sa, b, ib, sb, m) => {
    for (let j = 0; j < m; j++, ia += sa, ib += sb) out[o + j] = a[ia]! + b[ib]!;
  },
  sub: (out, o, a, ia, sa, b, ib, sb, m) => {
    for (let j = 0; j < m; j++, ia += sa, ib += sb) out[o + j] = a[ia]! - b[ib]!;
  },
  mul: (out, o, a, ia, sa, b, ib, sb, m) => {
    for (let j = 0; j < m; j++, ia += sa, ib += sb) out[o + j] = a[ia]! * b[ib]!;
  },
  div: (out, o, a, ia, sa, b, ib, sb, m) => {
    for (let j = 0; j < m; j++, ia += sa, ib += sb) out[o + j] = a[ia]! / b[ib]!;
  },
};

/** rows shorter than this stay in the JavaScript loop (copying into WebAssembly costs more) */
const STEPS_FROM = 256;

/** how many elements the loops do between looks at the run's clock */
const CLOCK_EVERY = 1 << 16;

/** a Python number or a one-element tensor, as the value the reference loop reads (cast to dtype) */
function scalarOf(o: Tensor | Scalar, dtype: DType): number | null {
  if (!(o instanceof Tensor)) return castValue(scalarToNumber(o), dtype);
  if (o.numel === 1) return castValue(o.storage.data[o.offset]!, dtype);
  return null;
}

/** strides of t through a broadcast to `shape` (0 along broadcast dims) */
function sideOf(t: Tensor, shape: readonly number[]): Side {
  const n = shape.length;
  const strides = new Array<number>(n).fill(0);
  const k = t.shape.length;
  for (let i = 0; i < k; i++) {
    const d = n - k + i;
    strides[d] = t.shape[i] === 1 ? 0 : t.strides[i]!;
  }
  return { data: t.storage.data as FloatArray, offset: t.offset, strides };
}

/** dims of size 1 dropped and neighbours merged where every operand steps through both as one */
function coalesce(shape: readonly number[], sides: Side[]): number[] {
  const sizes: number[] = [];
  const strides: number[][] = sides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = sizes.length - 1;
    if (last >= 0 && sides.every((s, k) => strides[k]![last] === s.strides[d]! * shape[d]!)) {
      sizes[last] *= shape[d]!;
      sides.forEach((s, k) => (strides[k]![last] = s.strides[d]!));
    } else {
      sizes.push(shape[d]!);
      sides.forEach((s, k) => strides[k]!.push(s.strides[d]!));
    }
  }
  sides.forEach((s, k) => (s.strides = strides[k]!));
  return sizes;
}

/** the plain loops: rows along the last merged dim, an odometer over the others */
function loops(op: BinaryOp, out: FloatArray, a: Side, b: Side, sizes: number[], between: () => void): void {
  const row = ROWS[op];
  const nd = sizes.length;
  if (nd === 0) {
    row(out, 0, a.data, a.offset, 0, b.data, b.offset, 0, 1);
    return;
  }
  const m = sizes[nd - 1]!;
  const [sa, sb] = [a.strides[nd - 1]!, b.strides[nd - 1]!];
  const n = out.length;
  const idx = new Array<number>(nd).fill(0);
  let ia = a.offset;
  let ib = b.offset;
  let since = 0;
  // long rows whose steps are small (a strided view, a value repeated along the row) go to WebAssembly
  const steps = m >= STEPS_FROM && sa >= 0 && sb >= 0 && sa <= GATHER_MAX_STEP && sb <= GATHER_MAX_STEP;
  for (let o = 0; o < n; o += m) {
    if (!(steps && binarySteps(op, a.data, ia, sa, b.data, ib, sb, out, o, m, between))) row(out, o, a.data, ia, sa, b.data, ib, sb, m);
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++;
      ia += a.strides[d]!;
      ib += b.strides[d]!;
      if (idx[d]! < sizes[d]!) break;
      ia -= a.strides[d]! * sizes[d]!;
      ib -= b.strides[d]! * sizes[d]!;
      idx[d] = 0;
    }
    since += m;
    if (since >= CLOCK_EVERY) {
      since = 0;
      between();
    }
  }
}

const scalarSide = (v: number, nd: number): Side => ({ data: Float64Array.of(v), offset: 0, strides: new Array<number>(nd).fill(0) });

/**
 * out = a op b over the broadcast `shape` for a float `dtype`, where every tensor operand is of
 * that dtype or has one element (others: false, and binaryMap's reference loop runs).
 * `between` is called between blocks of work (the run's time budget).
 */
export function fastBinary(op: BinaryOp, a: Tensor | Scalar, b: Tensor | Scalar, dtype: DType, shape: readonly number[], out: FloatArray, between: () => void): boolean {
  const va = scalarOf(a, dtype);
  const vb = scalarOf(b, dtype);
  if ((va === null && (a as Tensor).dtype !== dtype) || (vb === null && (b as Tensor).dtype !== dtype)) return false;
  if (va !== null && vb !== null) return false;
  const nd = shape.length;
  const sa = va === null ? sideOf(a as Tensor, shape) : scalarSide(va, nd);
  const sb = vb === null ? sideOf(b as Tensor, shape) : scalarSide(vb, nd);
  const sizes = coalesce(shape, [sa, sb]);
  const last = sizes.length - 1;
  const m = sizes[last]!;
  const unit = (s: Side, v: number | null) => v === null && s.strides[last] === 1;
  if (sizes.length === 1 && (va !== null || vb !== null)) {
    // a contiguous run and a number
    const t = va === null ? sa : sb;
    if (t.strides[0] === 1 && binaryScalar(op, t.data, t.offset, (va ?? vb)!, va !== null, out, 0, m, between)) return true;
  } else if (sizes.length <= 2 && unit(sa, va) && unit(sb, vb)) {
    // rows of contiguous runs, each operand's rows consecutive or one row repeated
    const rows = sizes.length === 2 ? sizes[0]! : 1;
    const outer = (s: Side) => (rows === 1 ? m : s.strides[0]!);
    const [oa, ob] = [outer(sa), outer(sb)];
    if ((oa === m || oa === 0) && (ob === m || ob === 0) && binaryRows(op, sa.data, sa.offset, oa, sb.data, sb.offset, ob, out, 0, rows, m, between))
      return true;
  }
  loops(op, out, sa, sb, sizes, between);
  return true;
}
