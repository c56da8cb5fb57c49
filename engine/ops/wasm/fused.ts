// The fused-multiply-add kernels (fused_math_wasm.ts) and how arrays reach them. They need
// WebAssembly's relaxed SIMD (Chromium 114+, so Electron's worker; Node 20 behind a V8 flag, which
// bin/wasm_features.mjs sets) and a relaxed_madd that really fuses: relaxed SIMD lets a CPU without
// FMA round twice, so before any kernel is used a probe computes a·b + c where one rounding and two
// differ, in both widths. Anywhere else every function here returns false and the caller's
// JavaScript loop (the reference, with its exact emulated fma) runs.
import { GET, I32, Locals, moduleBytes, v128Load, v128Store, type FuncDef } from "./encode.ts";
import { MADD32, MADD64 } from "./fused_frame.ts";
import { expfFusedKernel, expKernel, FUSED_GROUPS, tanhKernel } from "./fused_math_wasm.ts";

type Kernel = (src: number, dst: number, vectors: number) => void;

/** elements per chunk: two float64 chunk buffers are 256 KB */
const CHUNK = 16384;
const SRC_AT = 0;
const DST_AT = CHUNK * 8;
const BYTES = 2 * CHUNK * 8;

/** `probe_{f}(p)`: memory[p + 48] = a·b + c of the vectors at p, p + 16, p + 32 */
function probe(name: string, madd: number[]): FuncDef {
  const L = new Locals([I32]);
  const code = [GET, 0, GET, 0, ...v128Load(0), GET, 0, ...v128Load(16), GET, 0, ...v128Load(32), ...madd, ...v128Store(48)];
  return { name, params: [I32], results: [], locals: L.declared, code };
}

interface Instance {
  fns: Record<string, Kernel>;
  f32: Float32Array;
  f64: Float64Array;
}

let instance: Instance | null | undefined;

/** 1 + 2^-k times 1 - 2^-k, minus 1: -2^-2k fused, 0 rounded twice */
function fuses(w: WebAssembly.Instance): boolean {
  const memory = w.exports.memory as WebAssembly.Memory;
  const f64 = new Float64Array(memory.buffer, BYTES, 8);
  f64.set([1 + 2 ** -30, 1 + 2 ** -30, 1 - 2 ** -30, 1 - 2 ** -30, -1, -1]);
  (w.exports.probe_f64 as (p: number) => void)(BYTES);
  const want64 = -(2 ** -60);
  if (f64[6] !== want64 || f64[7] !== want64) return false;
  const f32 = new Float32Array(memory.buffer, BYTES, 16);
  f32.set([...new Array<number>(4).fill(1 + 2 ** -12), ...new Array<number>(4).fill(1 - 2 ** -12), ...new Array<number>(4).fill(-1)]);
  (w.exports.probe_f32 as (p: number) => void)(BYTES);
  return f32.subarray(12).every((v) => v === -(2 ** -24));
}

export function fusedWasm(): Instance | null {
  if (instance !== undefined) return instance;
  instance = null;
  try {
    if (typeof WebAssembly !== "object") return null;
    const bytes = moduleBytes([probe("probe_f64", MADD64), probe("probe_f32", MADD32), expKernel(), tanhKernel(), expfFusedKernel()]);
    const w = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    const memory = w.exports.memory as WebAssembly.Memory;
    memory.grow(Math.ceil((BYTES + 64) / 65536));
    if (!fuses(w)) return null;
    instance = { fns: w.exports as unknown as Record<string, Kernel>, f32: new Float32Array(memory.buffer), f64: new Float64Array(memory.buffer) };
  } catch {
    instance = null;
  }
  return instance;
}

/** whether the fused kernels run here, for benchmarks */
export const fusedKernels = (): boolean => fusedWasm() !== null;

const KERNELS = {
  float64: { exp: "exp_f64", tanh: "tanh_f64" },
  float32: { exp: "expf_fused_f32" },
} as const;

/** the ops and dtypes that have a fused kernel */
export const hasFusedKernel = (op: string, dtype: "float32" | "float64"): boolean => op in KERNELS[dtype];

/**
 * out[i] = op(src[i]) for i < out.length with the fused kernel of op and src's dtype, `scalar`
 * (the reference) taking the elements after the kernel's last whole step; false where the kernels
 * cannot run (nothing written then). `between` is called after each chunk.
 */
export function fusedMathArray(
  op: string,
  src: Float32Array | Float64Array,
  out: Float32Array | Float64Array,
  scalar: (x: number) => number,
  between: () => void,
): boolean {
  const f32 = src instanceof Float32Array;
  const name = (KERNELS[f32 ? "float32" : "float64"] as Record<string, string>)[op];
  if (name === undefined) return false;
  const w = fusedWasm();
  if (!w) return false;
  const kernel = w.fns[name]!;
  const h = f32 ? w.f32 : w.f64;
  const size = f32 ? 4 : 8;
  const step = (16 / size) * FUSED_GROUPS;
  const n = out.length;
  for (let j = 0; j < n; j += CHUNK) {
    const len = Math.min(CHUNK, n - j);
    const whole = len - (len % step);
    h.set(src.subarray(j, j + whole), SRC_AT / size);
    kernel(SRC_AT, DST_AT, (whole * size) / 16);
    out.set(h.subarray(DST_AT / size, DST_AT / size + whole), j);
    for (let i = j + whole; i < j + len; i++) out[i] = scalar(src[i]!);
    between();
  }
  return true;
}
