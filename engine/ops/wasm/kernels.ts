// The elementwise WebAssembly kernels (binary_wasm.ts, sum_wasm.ts) and how arrays reach them:
// operands are copied into the module's memory a chunk at a time (a few hundred KB, which stays in
// the CPU's cache between the copy, the kernel and the copy out), so the memory never grows past
// the chunk buffers whatever the tensors' sizes. Every function returns false where WebAssembly
// SIMD is unavailable (or refused by a Content-Security-Policy): the caller's JavaScript loop runs.
import { moduleBytes } from "./encode.ts";
import { binaryKernels, type BinaryOp } from "./binary_wasm.ts";
import { ROW_BYTES, sumKernels, SUM_STATE_BYTES } from "./sum_wasm.ts";
import { EXPF_GROUPS, expfKernel } from "./expf_wasm.ts";
import { TANHF_GROUPS, tanhfKernel } from "./tanhf_wasm.ts";

type FloatArray = Float32Array | Float64Array;
type Kernel = (...args: number[]) => number | void;

/** elements per chunk: three float64 chunk buffers are 384 KB */
export const CHUNK = 16384;
const BUF = CHUNK * 8;
const A_AT = 0;
const B_AT = BUF;
const OUT_AT = 2 * BUF;
const STATE_AT = 3 * BUF;
/** the pairs of elements a kernel asks the scalar code to redo */
const LIST_AT = STATE_AT + SUM_STATE_BYTES;
const BYTES = LIST_AT + (CHUNK / 2) * 4;

interface Instance {
  memory: WebAssembly.Memory;
  fns: Record<string, Kernel>;
  f32: Float32Array;
  f64: Float64Array;
}

let instance: Instance | null | undefined;

export function elementwiseWasm(): Instance | null {
  if (instance !== undefined) return instance;
  instance = null;
  try {
    if (typeof WebAssembly === "object") {
      const exports = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes([...binaryKernels(), ...sumKernels(), expfKernel(), tanhfKernel()])))
        .exports as Record<string, unknown>;
      const memory = exports.memory as WebAssembly.Memory;
      memory.grow(Math.ceil(BYTES / 65536));
      instance = {
        memory,
        fns: exports as Record<string, Kernel>,
        f32: new Float32Array(memory.buffer),
        f64: new Float64Array(memory.buffer),
      };
    }
  } catch {
    instance = null;
  }
  return instance;
}

/** which elementwise kernels run here, for benchmarks */
export const elementwiseKernel = (): "wasm-simd" | "js" => (elementwiseWasm() ? "wasm-simd" : "js");

const flavour = (a: FloatArray) => (a instanceof Float32Array ? "f32" : "f64");
const heap = (w: Instance, a: FloatArray): FloatArray => (a instanceof Float32Array ? w.f32 : w.f64);

/**
 * out[o + r·m + j] = a[ai + r·aStride + j] op b[bi + r·bStride + j] for r < rows, j < m, where a
 * row stride is m (consecutive rows) or 0 (one row repeated: a bias broadcast over a batch).
 * `between` is called after each chunk (the run's time budget looks at the clock there).
 */
export function binaryRows(
  op: BinaryOp,
  a: FloatArray, ai: number, aStride: number,
  b: FloatArray, bi: number, bStride: number,
  out: FloatArray, o: number, rows: number, m: number,
  between: () => void,
): boolean {
  const w = elementwiseWasm();
  if (!w) return false;
  const h = heap(w, a);
  const size = a.BYTES_PER_ELEMENT;
  const kernel = w.fns[`${op}_${flavour(a)}_rows`]!;
  if (m > CHUNK || rows === 1) {
    // row by row, each in chunks of its columns
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < m; j += CHUNK) {
        const len = Math.min(CHUNK, m - j);
        h.set(a.subarray(ai + r * aStride + j, ai + r * aStride + j + len), A_AT / size);
        h.set(b.subarray(bi + r * bStride + j, bi + r * bStride + j + len), B_AT / size);
        kernel(A_AT, 0, B_AT, 0, OUT_AT, 1, len);
        out.set(h.subarray(OUT_AT / size, OUT_AT / size + len), o + r * m + j);
        between();
      }
    return true;
  }
  const per = Math.floor(CHUNK / m);
  for (let r = 0; r < rows; r += per) {
    const k = Math.min(per, rows - r);
    const aLen = aStride === 0 ? m : k * m;
    const bLen = bStride === 0 ? m : k * m;
    h.set(a.subarray(ai + r * aStride, ai + r * aStride + aLen), A_AT / size);
    h.set(b.subarray(bi + r * bStride, bi + r * bStride + bLen), B_AT / size);
    kernel(A_AT, aStride === 0 ? 0 : m * size, B_AT, bStride === 0 ? 0 : m * size, OUT_AT, k, m);
    out.set(h.subarray(OUT_AT / size, OUT_AT / size + k * m), o + r * m);
    between();
  }
  return true;
}

/** out[o + i] = a[ai + i] op s (or s op a[ai + i] when `left`) for i < n; s is already in a's dtype */
export function binaryScalar(
  op: BinaryOp,
  a: FloatArray, ai: number, s: number, left: boolean,
  out: FloatArray, o: number, n: number,
  between: () => void,
): boolean {
  const w = elementwiseWasm();
  if (!w) return false;
  const h = heap(w, a);
  const size = a.BYTES_PER_ELEMENT;
  const kernel = w.fns[`${op}_${flavour(a)}_${left ? "sv" : "vs"}`]!;
  for (let j = 0; j < n; j += CHUNK) {
    const len = Math.min(CHUNK, n - j);
    h.set(a.subarray(ai + j, ai + j + len), A_AT / size);
    kernel(A_AT, OUT_AT, len, s);
    out.set(h.subarray(OUT_AT / size, OUT_AT / size + len), o + j);
    between();
  }
  return true;
}

/**
 * out[o + j] = a[ai + j·aStep] op b[bi + j·bStep] for j < m, each step from 0 (one element repeated)
 * to GATHER_MAX_STEP: each chunk's spans copied into the module's memory at memcpy speed, the op
 * done there element by element, the results copied back. out's dtype picks the kernel (an
 * operand may be a one-element Float64Array holding a number already in that dtype).
 */
export function binarySteps(
  op: BinaryOp,
  a: FloatArray, ai: number, aStep: number,
  b: FloatArray, bi: number, bStep: number,
  out: FloatArray, o: number, m: number,
  between: () => void,
): boolean {
  const w = elementwiseWasm();
  if (!w) return false;
  const h = heap(w, out);
  const size = out.BYTES_PER_ELEMENT;
  const room = BUF / size;
  // a step-2 vector reads one element past the operand's last: room for it is kept
  const fits = (step: number) => (step === 0 ? CHUNK : Math.floor((room - 2) / step) + 1);
  const per = Math.min(CHUNK, fits(aStep), fits(bStep));
  const vector = aStep <= 2 && bStep <= 2;
  const kernel = w.fns[vector ? `${op}_${flavour(out)}_v${aStep}${bStep}` : `${op}_${flavour(out)}_steps`]!;
  for (let j = 0; j < m; j += per) {
    const len = Math.min(per, m - j);
    const [pa, pb] = [ai + j * aStep, bi + j * bStep];
    h.set(a.subarray(pa, pa + (len - 1) * aStep + 1), A_AT / size);
    h.set(b.subarray(pb, pb + (len - 1) * bStep + 1), B_AT / size);
    kernel(A_AT, aStep * size, B_AT, bStep * size, OUT_AT, len);
    out.set(h.subarray(OUT_AT / size, OUT_AT / size + len), o + j);
    between();
  }
  return true;
}

/** the largest step gatherStrided takes: it copies the whole span, step·n elements, into the module */
export const GATHER_MAX_STEP = 8;

/**
 * out[i] = data[offset + i·step] for i < n (1 < step <= GATHER_MAX_STEP): each chunk's span copied
 * into the module's memory at memcpy speed, picked out there, and copied back.
 */
export function gatherStrided(data: FloatArray, offset: number, step: number, out: FloatArray, n: number): boolean {
  const w = elementwiseWasm();
  if (!w) return false;
  const h = heap(w, data);
  const size = data.BYTES_PER_ELEMENT;
  const kernel = w.fns[`gather_${flavour(data)}`]!;
  const every = w.fns[`gather2_${flavour(data)}`]!;
  // the span goes where the two operand buffers are (2·BUF bytes), the picked elements to OUT_AT
  const per = Math.min(CHUNK, Math.floor((2 * BUF) / size / step));
  for (let j = 0; j < n; j += per) {
    const len = Math.min(per, n - j);
    const start = offset + j * step;
    h.set(data.subarray(start, start + (len - 1) * step + 1), A_AT / size);
    if (step === 2) every(A_AT, OUT_AT, len);
    else kernel(A_AT, OUT_AT, len, step * size);
    out.set(h.subarray(OUT_AT / size, OUT_AT / size + len), j);
  }
  return true;
}

/**
 * The partial sums of ATen's multi_row_sum over `rows` rows of 4 vectors (8 floats or 4 doubles
 * each) from a[ai]: per row k < 4 and lane l, level 0 after the final fold of levels 1..3 into it,
 * at [k · lanes + l] of the result (an array reused by the next call); null without WebAssembly.
 */
export function multiRowSumVectors(a: FloatArray, ai: number, rows: number, between: () => void): FloatArray | null {
  const w = elementwiseWasm();
  if (!w) return null;
  const f32 = a instanceof Float32Array;
  const h = heap(w, a);
  const size = a.BYTES_PER_ELEMENT;
  const rowElems = ROW_BYTES / size;
  const kernel = w.fns[`sum_${flavour(a)}`]!;
  const ceilLog2 = rows <= 1 ? 0 : Math.ceil(Math.log2(rows));
  const power = Math.max(4, Math.floor(ceilLog2 / 4));
  const step = 2 ** power;
  const fullRows = Math.floor(rows / step) * step;
  // whole groups per chunk: a chunk's rows are a multiple of any group size (at most 2^7 rows)
  const perChunk = BUF / ROW_BYTES;
  const stateAt = STATE_AT / size;
  h.fill(0, stateAt, stateAt + SUM_STATE_BYTES / size);
  for (let r = 0; r < rows; r += perChunk) {
    const k = Math.min(perChunk, rows - r);
    h.set(a.subarray(ai + r * rowElems, ai + (r + k) * rowElems), A_AT / size);
    const groups = Math.max(0, Math.min(fullRows, r + k) - r) / step;
    kernel(A_AT, r, groups, k - groups * step, power, STATE_AT);
    between();
  }
  const lanes = rowElems / 4;
  const partial = f32 ? PARTIAL_F32 : PARTIAL_F64;
  for (let x = 0; x < 4 * lanes; x++) {
    let s = h[stateAt + x]!;
    for (let j = 1; j < 4; j++) {
      s += h[stateAt + j * 4 * lanes + x]!;
      if (f32) s = Math.fround(s);
    }
    partial[x] = s;
  }
  return partial;
}
/** multiRowSumVectors' results, valid until its next call */
const PARTIAL_F32 = new Float32Array(32);
const PARTIAL_F64 = new Float64Array(16);

/** the float32 math kernels (pairs.ts): their export and how many elements one loop step takes */
const PAIR_KERNELS = {
  exp: { name: "expf_f32", step: 2 * EXPF_GROUPS },
  tanh: { name: "tanhf_f32", step: 2 * TANHF_GROUPS },
};

/**
 * out[i] = op(src[i]) for float32 exp or tanh as SLEEF computes it, in the SIMD kernels
 * (expf_wasm.ts, tanhf_wasm.ts); `scalar` (the scalar expf or tanhf, their reference) takes the
 * elements a kernel flags and the few after its last whole step.
 */
export function float32MathArray(
  op: keyof typeof PAIR_KERNELS,
  src: Float32Array,
  out: Float32Array,
  scalar: (x: number) => number,
  between: () => void,
): boolean {
  const w = elementwiseWasm();
  if (!w) return false;
  const h = w.f32;
  const { name, step } = PAIR_KERNELS[op];
  const kernel = w.fns[name]!;
  const list = new Int32Array(w.memory.buffer, LIST_AT, CHUNK / 2);
  const n = src.length;
  for (let j = 0; j < n; j += CHUNK) {
    const len = Math.min(CHUNK, n - j);
    const whole = len - (len % step);
    h.set(src.subarray(j, j + whole), A_AT / 4);
    const flagged = kernel(A_AT, OUT_AT, whole / 2, LIST_AT) as number;
    out.set(h.subarray(OUT_AT / 4, OUT_AT / 4 + whole), j);
    for (let k = 0; k < flagged; k++) {
      const entry = list[k]!;
      const i = j + 2 * (entry >> 2);
      if (entry & 1) out[i] = scalar(src[i]!);
      if (entry & 2) out[i + 1] = scalar(src[i + 1]!);
    }
    for (let i = j + whole; i < j + len; i++) out[i] = scalar(src[i]!);
    between();
  }
  return true;
}
