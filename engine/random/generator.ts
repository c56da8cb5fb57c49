// TorchGenerator: PyTorch's default CPU generator (1.13 to 2.6 draw the same streams) (CPUGeneratorImpl) and the CPU kernels that draw from it.
// Origin: the behaviour of PyTorch's ATen (CPUGeneratorImpl.cpp, core/DistributionsHelper.h, native/cpu
// DistributionTemplates.h and DistributionKernels.cpp; BSD-3-Clause licence, notice in ./THIRD_PARTY_NOTICES.md),
// re-expressed in TypeScript. Float64 normals use JS's Math.sin/Math.cos where PyTorch calls glibc's sincos
// (whose LGPL code we do not reproduce), so about 4% of them differ from PyTorch's by 1 or 2 ulps; float32
// normals, integers and uniforms are bit for bit.

import { MT19937 } from "./mt19937.ts";
import { sincosAvx, logAvx } from "./avxMathfun.ts";
import { fmaf } from "./float32Math.ts";
import { fma } from "./fma.ts";
import { libmLog } from "./libm.ts";

export type FloatDType = "float32" | "float64";

const f32 = Math.fround;
const TWO_POW_M24 = 2 ** -24;
const TWO_POW_M53 = 2 ** -53;
const TWO_POW_32 = 2 ** 32;
const UINT64_MOD = 1n << 64n;
const INT64_MIN = -(1n << 63n);
/** ATen's normal kernels switch from scalar Box-Muller to the block-of-16 fill at this size. */
const NORMAL_FILL_MIN = 16;
const TWO_PI_FLOAT = f32(2 * Math.PI);
const TWO_PI = 2 * Math.PI;

/** A fresh process seeds from /dev/urandom (c10::detail::getNonDeterministicRandom), so we draw 64 random bits. */
function nonDeterministicSeed(): bigint {
  const words = new Uint32Array(2);
  const cryptoLike = (globalThis as { crypto?: { getRandomValues(a: Uint32Array): Uint32Array } })
    .crypto;
  if (cryptoLike) cryptoLike.getRandomValues(words);
  else for (let i = 0; i < 2; i++) words[i] = Math.floor(Math.random() * TWO_POW_32);
  return (BigInt(words[0]!) << 32n) | BigInt(words[1]!);
}

export class TorchGenerator {
  private readonly engine = new MT19937();
  private seed = 0n;
  /** Box-Muller makes normals in pairs; the scalar path keeps the second one for the next draw. */
  private nextDoubleNormal: number | null = null;

  constructor() {
    this.manualSeed(nonDeterministicSeed());
  }

  /** torch.manual_seed: any integer in [-2**63, 2**64); negative seeds wrap to uint64 like PyTorch. */
  manualSeed(seed: number | bigint): void {
    if (typeof seed === "number" && !Number.isFinite(seed))
      throw new RangeError(`seed must be finite, got ${seed}`);
    let s = typeof seed === "bigint" ? seed : BigInt(Math.trunc(seed));
    if (s < INT64_MIN || s >= UINT64_MOD) throw new RangeError("Overflow when unpacking long");
    if (s < 0n) s += UINT64_MOD;
    this.seed = s;
    this.nextDoubleNormal = null;
    this.engine.seed(Number(s & 0xffffffffn));
  }

  /** torch.initial_seed(): the seed as PyTorch reports it (uint64). */
  initialSeed(): bigint {
    return this.seed;
  }

  /** Generator.seed(): a fresh nondeterministic seed, which it then reports */
  reseed(): bigint {
    const s = nonDeterministicSeed();
    this.manualSeed(s);
    return s;
  }

  /** CPUGeneratorImpl::random(): one 32-bit draw (randperm's swaps use it) */
  random32(): number {
    return this.engine.nextUint32();
  }

  /** at::uniform_real_distribution<double>(0, 1): multinomial's and bernoulli's draws */
  unitDouble(): number {
    return this.unitFloat64();
  }

  /** tensor.exponential_(lambd): -1/lambd * log1p(-u) in double from a 53-bit uniform, per element */
  exponential(n: number, lambd: number, dtype: FloatDType = "float32"): number[] {
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const v = (-1 / lambd) * Math.log1p(-this.unitFloat64());
      out[i] = dtype === "float32" ? f32(v) : v;
    }
    return out;
  }

  /** get_state(): the engine's words and the cached normals, enough for set_state to resume */
  getState(): { seed: bigint; words: Uint32Array; index: number; nextDoubleNormal: number | null } {
    const { words, index } = this.engine.snapshot();
    return { seed: this.seed, words, index, nextDoubleNormal: this.nextDoubleNormal };
  }

  setState(state: { seed: bigint; words: Uint32Array; index: number; nextDoubleNormal: number | null }): void {
    this.seed = state.seed;
    this.engine.restore(state.words, state.index);
    this.nextDoubleNormal = state.nextDoubleNormal;
  }

  /** torch.rand(n) (or tensor.uniform_()) */
  rand(n: number, dtype: FloatDType = "float32"): number[] {
    return this.uniform(n, 0, 1, dtype);
  }

  /** tensor.uniform_(from, to): fma(x, to - from, from) in the tensor's own precision (ATen's build fuses it). */
  uniform(n: number, from: number, to: number, dtype: FloatDType = "float32"): number[] {
    const out = new Array<number>(n);
    if (dtype === "float32") {
      const lo = f32(from);
      const span = f32(f32(to) - lo);
      for (let i = 0; i < n; i++) out[i] = fmaf(this.unitFloat32(), span, lo);
    } else {
      const span = to - from;
      for (let i = 0; i < n; i++) out[i] = fma(this.unitFloat64(), span, from);
    }
    return out;
  }

  /** torch.randint(low, high, (n,)) with int64 output: (draw % range) + low. */
  randint(low: number, high: number, n: number): number[] {
    const range = high - low;
    if (!(range > 0))
      throw new RangeError(
        `random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`,
      );
    const out = new Array<number>(n);
    if (range >= TWO_POW_32) {
      const r = BigInt(range);
      for (let i = 0; i < n; i++) out[i] = Number(this.random64() % r) + low;
    } else {
      for (let i = 0; i < n; i++) out[i] = (this.engine.nextUint32() % range) + low;
    }
    return out;
  }

  /** torch.randn(n) */
  randn(n: number, dtype: FloatDType = "float32"): number[] {
    return this.normal(n, 0, 1, dtype);
  }

  /** tensor.normal_(mean, std) on a contiguous tensor of n elements. */
  normal(n: number, mean: number, std: number, dtype: FloatDType = "float32"): number[] {
    if (n >= NORMAL_FILL_MIN) {
      return dtype === "float32"
        ? this.normalFillFloat32(n, f32(mean), f32(std))
        : this.normalFillFloat64(n, mean, std);
    }
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const v = fma(this.scalarNormal(), std, mean);
      out[i] = dtype === "float32" ? f32(v) : v;
    }
    return out;
  }

  /** tensor.random_() without bounds: ATen's uniform_int_distribution<T> over the dtype's whole
   *  range (int64 and float64 take a 64-bit draw, the others one 32-bit draw): int64 modulo
   *  2^63, int32 modulo 2^31, floats modulo 2^digits + 1, bool the lowest bit. */
  randomFull(n: number, dtype: "float32" | "float64" | "int64" | "int32" | "bool"): number[] {
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      if (dtype === "int64") out[i] = Number(this.random64() & 0x7fffffffffffffffn);
      else if (dtype === "float64") out[i] = Number(this.random64() % 9007199254740993n);
      else {
        const v = this.engine.nextUint32();
        out[i] = dtype === "int32" ? v & 0x7fffffff : dtype === "bool" ? v & 1 : v % 16777217;
      }
    }
    return out;
  }

  /** random64() modulo 2^63 as an exact integer: torch.empty((), dtype=torch.int64).random_().item(),
   *  the seed torch.utils.data's samplers and loaders draw (a float64 cannot hold it). */
  randomInt64(): bigint {
    return this.random64() & 0x7fffffffffffffffn;
  }

  /** CPUGeneratorImpl::random64: the first 32-bit draw is the high word. */
  private random64(): bigint {
    const hi = this.engine.nextUint32();
    const lo = this.engine.nextUint32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** uniform_real_distribution<float>(0, 1): 24 random bits of one 32-bit draw. */
  private unitFloat32(): number {
    return (this.engine.nextUint32() & 0xffffff) * TWO_POW_M24;
  }

  /** uniform_real_distribution<double>(0, 1): 53 random bits of a 64-bit draw. */
  private unitFloat64(): number {
    const hi = this.engine.nextUint32();
    const lo = this.engine.nextUint32();
    return ((hi & 0x1fffff) * TWO_POW_32 + lo) * TWO_POW_M53;
  }

  /** at::normal_distribution<double> with mean 0, std 1, using and refilling the cached second normal.
   *  Math.sin/cos may be 1 ulp from glibc's; rounding to float32 (randn(n < 16)) almost always hides that. */
  private scalarNormal(): number {
    if (this.nextDoubleNormal !== null) {
      const cached = this.nextDoubleNormal;
      this.nextDoubleNormal = null;
      return cached;
    }
    const u1 = this.unitFloat64();
    const u2 = this.unitFloat64();
    const r = Math.sqrt(-2 * libmLog(1 - u2));
    const theta = TWO_PI * u1;
    this.nextDoubleNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** normal_fill_AVX2: n uniforms, Box-Muller on blocks of 16 (first 8 -> radius, last 8 -> angle); a ragged
   *  tail is redone by drawing 16 fresh uniforms over the last 16 slots. */
  private normalFillFloat32(n: number, mean: number, std: number): number[] {
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = this.unitFloat32();
    const block = (start: number): void => {
      for (let j = 0; j < 8; j++) {
        const u1 = f32(1 - data[start + j]!);
        const u2 = data[start + j + 8]!;
        const radius = f32(Math.sqrt(f32(-2 * logAvx(u1))));
        const [sin, cos] = sincosAvx(f32(TWO_PI_FLOAT * u2));
        data[start + j] = fmaf(f32(radius * cos), std, mean);
        data[start + j + 8] = fmaf(f32(radius * sin), std, mean);
      }
    };
    for (let i = 0; i + 16 <= n; i += 16) block(i);
    if (n % 16 !== 0) {
      for (let i = n - 16; i < n; i++) data[i] = this.unitFloat32();
      block(n - 16);
    }
    return Array.from(data);
  }

  /** normal_fill<double>: the same blocks of 16 with glibc's log and JS's cos/sin (see the file header). */
  private normalFillFloat64(n: number, mean: number, std: number): number[] {
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = this.unitFloat64();
    const block = (start: number): void => {
      for (let j = 0; j < 8; j++) {
        const u1 = 1 - data[start + j]!;
        const u2 = data[start + j + 8]!;
        const radius = Math.sqrt(-2 * libmLog(u1));
        const theta = TWO_PI * u2;
        data[start + j] = fma(radius * Math.cos(theta), std, mean);
        data[start + j + 8] = fma(radius * Math.sin(theta), std, mean);
      }
    };
    for (let i = 0; i + 16 <= n; i += 16) block(i);
    if (n % 16 !== 0) {
      for (let i = n - 16; i < n; i++) data[i] = this.unitFloat64();
      block(n - 16);
    }
    return Array.from(data);
  }
}
