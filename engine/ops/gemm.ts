// Matrix-product kernels: C = A·B over contiguous row-major arrays, every element accumulated in
// k order and rounded per step in the array's precision, as the reference BLAS PyTorch links
// does (so float32 results agree to the last bit). The WebAssembly SIMD kernel is used where the
// host allows it; the JavaScript loops are the fallback and the reference it is tested against.
import { gemmModuleBytes } from "./gemm_wasm.ts";

export type FloatArray = Float32Array | Float64Array;

/** i-k-j order keeps the per-element order while reading B's rows contiguously; one function
 *  per array type keeps the loop monomorphic */
export function gemm32Js(a: Float32Array, b: Float32Array, n: number, k: number, m: number): Float32Array {
  const out = new Float32Array(n * m);
  const acc = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    for (let l = 0; l < k; l++) {
      const ail = a[i * k + l];
      const bl = l * m;
      for (let j = 0; j < m; j++) acc[j] = Math.fround(acc[j] + Math.fround(ail * b[bl + j]));
    }
    out.set(acc, i * m);
  }
  return out;
}

export function gemm64Js(a: Float64Array, b: Float64Array, n: number, k: number, m: number): Float64Array {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let l = 0; l < k; l++) {
      const ail = a[i * k + l];
      const bl = l * m;
      for (let j = 0; j < m; j++) out[row + j] += ail * b[bl + j];
    }
  }
  return out;
}

interface Wasm {
  memory: WebAssembly.Memory;
  gemm_f32: (a: number, b: number, c: number, n: number, k: number, m: number) => void;
  gemm_f64: (a: number, b: number, c: number, n: number, k: number, m: number) => void;
}

let wasm: Wasm | null | undefined;

/** the SIMD kernels, or null where WebAssembly or its SIMD is missing or a Content-Security-Policy
 *  forbids compiling (then the JavaScript loops run: same results, slower) */
export function wasmKernels(): Wasm | null {
  if (wasm !== undefined) return wasm;
  wasm = null;
  try {
    if (typeof WebAssembly === "object") {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(gemmModuleBytes()));
      wasm = instance.exports as unknown as Wasm;
    }
  } catch {
    wasm = null;
  }
  return wasm;
}

/** which kernel `gemm` runs here, for benchmarks and diagnostics */
export const gemmKernel = (): "wasm-simd" | "js" => (wasmKernels() ? "wasm-simd" : "js");

const align16 = (x: number) => (x + 15) & ~15;
const MAX_WASM_BYTES = 1 << 30;

/** Called between blocks of rows (each about this many multiply-adds, a few milliseconds), so a
 *  long product can be stopped by the run's time budget: rows are computed independently, so
 *  the blocks change nothing in the result. */
export const BLOCK_WORK = 1 << 24;
export type Between = () => void;

const rowsPerBlock = (k: number, m: number) => Math.max(1, Math.floor(BLOCK_WORK / Math.max(1, k * m)));

export function gemm32(a: Float32Array, b: Float32Array, n: number, k: number, m: number, between?: Between): Float32Array {
  return (viaWasm(a, b, n, k, m, between) as Float32Array | null) ?? (inBlocks(a, b, n, k, m, gemm32Js, between) as Float32Array);
}

export function gemm64(a: Float64Array, b: Float64Array, n: number, k: number, m: number, between?: Between): Float64Array {
  return (viaWasm(a, b, n, k, m, between) as Float64Array | null) ?? (inBlocks(a, b, n, k, m, gemm64Js, between) as Float64Array);
}

/** the JavaScript loops over blocks of rows of A */
function inBlocks<T extends FloatArray>(a: T, b: T, n: number, k: number, m: number, kernel: (a: T, b: T, n: number, k: number, m: number) => T, between?: Between): T {
  const rows = rowsPerBlock(k, m);
  if (!between || rows >= n) return kernel(a, b, n, k, m);
  const out = new (a.constructor as new (n: number) => T)(n * m);
  for (let r = 0; r < n; r += rows) {
    const end = Math.min(n, r + rows);
    out.set(kernel(a.subarray(r * k, end * k) as T, b, end - r, k, m), r * m);
    between();
  }
  return out;
}

/** copies A and B into the module's memory, runs the kernel, copies C out; null when the kernel
 *  is unavailable or the memory cannot grow that far */
function viaWasm(a: FloatArray, b: FloatArray, n: number, k: number, m: number, between?: Between): FloatArray | null {
  const w = wasmKernels();
  if (!w) return null;
  const size = a.BYTES_PER_ELEMENT;
  const bAt = align16(n * k * size);
  const cAt = align16(bAt + k * m * size);
  const need = cAt + n * m * size;
  if (need > MAX_WASM_BYTES) return null;
  const have = w.memory.buffer.byteLength;
  if (need > have) {
    try {
      w.memory.grow(Math.ceil((need - have) / 65536));
    } catch {
      return null;
    }
  }
  const buf = w.memory.buffer;
  const View = size === 4 ? Float32Array : Float64Array;
  new View(buf, 0, n * k).set(a);
  new View(buf, bAt, k * m).set(b);
  const kernel = size === 4 ? w.gemm_f32 : w.gemm_f64;
  const rows = between ? rowsPerBlock(k, m) : n;
  for (let r = 0; r < n; r += rows) {
    kernel(r * k * size, bAt, cAt + r * m * size, Math.min(rows, n - r), k, m);
    if (r + rows < n) between?.();
  }
  return new View(buf, cAt, n * m).slice();
}
