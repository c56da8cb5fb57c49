// Sampling from a generator as ATen's CPU kernels do it: torch.normal (its four overloads),
// multinomial (the exponential trick without replacement or for one sample, a binary search in
// the cumulative distribution with replacement), randperm (swaps from 32-bit draws), and the
// in-place fills uniform_, normal_, exponential_, bernoulli_, random_ (their gradient is zero).
import { atenTypeName, isFloating, type DType } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record, recordConstant } from "../autograd/record.ts";
import type { TorchGenerator } from "../random/index.ts";
import type { Runtime } from "../runtime.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { created, type CreateOptions } from "./create.ts";
import { mutate } from "./inplace.ts";
import { broadcastShapes } from "./kernel.ts";
import { broadcastValues } from "./broadcast_read.ts";
import { topk } from "./reorder.ts";
import { zerosLikeT } from "./unary.ts";

const f32 = Math.fround;
const floatDType = (d: DType): "float32" | "float64" => (d === "float64" ? "float64" : "float32");

/** torch.normal(mean, std, size): normal_(mean, std) on a new tensor */
export function normalScalars(rt: Runtime, mean: number, std: number, shape: number[], gen: TorchGenerator, opts: CreateOptions = {}): Tensor {
  if (std < 0) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  const dtype = floatDType(opts.dtype ?? "float32");
  rt.checkElements(numelOf(shape));
  return created(fromValues(rt, gen.normal(numelOf(shape), mean, std, dtype), shape.slice(), dtype), "normal", opts.requiresGrad);
}

/** torch.normal with a tensor mean and/or std: standard normals, times std, plus mean (each rounded) */
export function normalTensors(mean: Tensor | number, std: Tensor | number, gen: TorchGenerator): Tensor {
  const ref = typeof mean === "object" ? mean : (std as Tensor);
  if (typeof std === "number" && std < 0) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  if (typeof std === "object" && std.values().some((v) => v < 0)) throw runtimeError("normal expects all elements of std >= 0.0");
  const shape = typeof mean === "object" && typeof std === "object" ? broadcastShapes(mean.shape, std.shape) : ref.shape.slice();
  const dtype = floatDType(ref.dtype);
  const n = numelOf(shape);
  const z = gen.normal(n, 0, 1, dtype);
  const m = typeof mean === "object" ? broadcastValues(mean, shape) : null;
  const s = typeof std === "object" ? broadcastValues(std, shape) : null;
  const r = dtype === "float32" ? f32 : (v: number) => v;
  const out = z.map((v, i) => r(r(v * (s ? s[i] : (std as number))) + (m ? m[i] : (mean as number))));
  const inputs = [typeof mean === "object" ? mean : null, typeof std === "object" ? std : null].filter((t): t is Tensor => t !== null);
  const gradFn = inputs.length === 2 ? "NormalBackward3" : typeof mean === "object" ? "NormalBackward1" : "NormalBackward2";
  return record(fromValues(ref.rt, out, shape, dtype), {
    op: "normal",
    gradFn,
    inputs,
    backward: () => inputs.map((t) => (t.requiresGrad ? zerosLikeT(t) : null)),
  });
}

/** torch.randperm(n): the identity, then swap i with i + random() % (n - i) */
export function randperm(rt: Runtime, n: number, gen: TorchGenerator, opts: CreateOptions = {}): Tensor {
  if (n < 0) throw runtimeError(`Trying to create tensor with negative dimension ${n}: [${n}]`);
  rt.checkElements(n);
  const v = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n - 1; i++) {
    const z = gen.random32() % (n - i);
    [v[i], v[z + i]] = [v[z + i], v[i]];
  }
  return created(fromValues(rt, v, [n], opts.dtype ?? "int64"), "randperm", opts.requiresGrad);
}

function checkMultinomial(self: Tensor, n: number, replacement: boolean): void {
  if (self.dim() < 1 || self.dim() > 2) throw runtimeError("prob_dist must be 1 or 2 dim");
  if (!isFloating(self.dtype)) throw runtimeError(`multinomial only supports floating-point dtypes for input, got: ${atenTypeName(self.dtype)}`);
  if (n <= 0) throw runtimeError("cannot sample n_sample <= 0 samples");
  if (!replacement && n > self.shape[self.dim() - 1]) throw runtimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
}

/** torch.multinomial(input, num_samples, replacement): int64 samples, no gradient */
export function multinomial(self: Tensor, n: number, replacement: boolean, gen: TorchGenerator): Tensor {
  checkMultinomial(self, n, replacement);
  const rows = self.dim() === 1 ? 1 : self.shape[0];
  const cats = self.shape[self.dim() - 1];
  const p = self.values();
  const outShape = self.dim() === 1 ? [n] : [rows, n];
  if (!replacement || n === 1) {
    if (p.some((v) => !(v < Infinity) || !(v >= 0))) throw runtimeError("probability tensor contains either `inf`, `nan` or element < 0");
    for (let i = 0; i < rows; i++)
      if (p.slice(i * cats, (i + 1) * cats).reduce((a, b) => a + b, 0) === 0)
        throw runtimeError("invalid multinomial distribution (sum of probabilities <= 0)");
    // s = argmax(p / q) with q ~ Exp(1): the Gumbel-max trick as ATen writes it
    const dtype = floatDType(self.dtype);
    const r = dtype === "float32" ? f32 : (v: number) => v;
    const q = gen.exponential(p.length, 1, dtype).map((e, i) => r(p[i] / e));
    const picked = self.rt.internally(() => topk(fromValues(self.rt, q, self.shape.slice(), dtype), n, -1)[1]).values();
    return recordConstant(fromValues(self.rt, picked, outShape, "int64"), "multinomial", [self]);
  }
  const out: number[] = [];
  const r = self.dtype === "float32" ? f32 : (v: number) => v;
  for (let i = 0; i < rows; i++) {
    const cum = new Array<number>(cats);
    let sum = 0;
    for (let j = 0; j < cats; j++) {
      const v = p[i * cats + j];
      if (!(v >= 0)) throw runtimeError("invalid multinomial distribution (encountering probability entry < 0)");
      if (!Number.isFinite(v)) throw runtimeError("invalid multinomial distribution (encountering probability entry = infinity or NaN)");
      sum = r(sum + v);
      cum[j] = sum;
    }
    if (!(sum > 0)) throw runtimeError("invalid multinomial distribution (sum of probabilities <= 0)");
    for (let j = 0; j < cats; j++) cum[j] = r(cum[j] / sum);
    for (let k = 0; k < n; k++) {
      const u = gen.unitDouble();
      cum[cats - 1] = 1;
      let left = 0;
      let right = cats;
      while (right - left > 0) {
        const mid = left + Math.floor((right - left) / 2);
        if (cum[mid] < u) left = mid + 1;
        else right = mid;
      }
      out.push(left);
    }
  }
  return recordConstant(fromValues(self.rt, out, outShape, "int64"), "multinomial", [self]);
}

/** an in-place fill from the generator; autograd records `gradFn` with a zero gradient */
function fill(t: Tensor, op: string, gradFn: string, values: number[]): Tensor {
  return mutate(t, op, (_old, i) => values[i], { gradFn, others: [], backward: ([g]) => [zerosLikeT(g!)] });
}

function floatOnly(t: Tensor, kernel: string): "float32" | "float64" {
  if (!isFloating(t.dtype)) throw runtimeError(`"${kernel}" not implemented for '${atenTypeName(t.dtype)}'`);
  return t.dtype as "float32" | "float64";
}

export function uniform_(t: Tensor, from: number, to: number, gen: TorchGenerator): Tensor {
  const d = floatOnly(t, "check_uniform_bounds");
  if (from > to) throw runtimeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
  return fill(t, "uniform_", "UniformBackward0", gen.uniform(t.numel, from, to, d));
}

export function normal_(t: Tensor, mean: number, std: number, gen: TorchGenerator): Tensor {
  const d = floatOnly(t, "normal_kernel_cpu");
  if (std < 0) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  return fill(t, "normal_", "NormalBackward0", gen.normal(t.numel, mean, std, d));
}

export function exponential_(t: Tensor, lambd: number, gen: TorchGenerator): Tensor {
  const d = floatOnly(t, "exponential_cpu");
  if (!(lambd > 0)) throw runtimeError(`exponential_ expects lambda > 0.0, but found lambda=${lambd}`);
  return fill(t, "exponential_", "ExponentialBackward0", gen.exponential(t.numel, lambd, d));
}

/** bernoulli_(p): 1 where a 53-bit uniform falls below p */
export function bernoulli_(t: Tensor, p: number, gen: TorchGenerator): Tensor {
  if (!(p >= 0 && p <= 1)) throw runtimeError(`bernoulli_ expects p to be in [0, 1], but got p=${p}`);
  const values = Array.from({ length: t.numel }, () => (gen.unitDouble() < p ? 1 : 0));
  return fill(t, "bernoulli_", "BernoulliBackward1", values);
}

/** random_(from, to): integers in [from, to) drawn as randint draws them */
export function random_(t: Tensor, from: number, to: number, gen: TorchGenerator): Tensor {
  if (from >= to) throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${from} >= to=${to}`);
  return fill(t, "random_", "RandomBackward0", gen.randint(from, to, t.numel));
}

/** random_() without bounds: the whole range of the tensor's dtype (TorchGenerator.randomFull) */
export function randomFull_(t: Tensor, gen: TorchGenerator): Tensor {
  return fill(t, "random_", "RandomBackward0", gen.randomFull(t.numel, t.dtype));
}

/** torch.bernoulli(p): each element 1 with its own probability (bernoulli_distribution<float>:
 *  a 24-bit uniform against p) */
export function bernoulli(p: Tensor, gen: TorchGenerator): Tensor {
  const probs = p.values();
  if (probs.some((v) => !(v >= 0 && v <= 1))) throw runtimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)");
  const u = gen.rand(probs.length, "float32");
  const out = probs.map((q, i) => (u[i] < Math.fround(q) ? 1 : 0));
  return record(fromValues(p.rt, out, p.shape.slice(), p.dtype), {
    op: "bernoulli",
    gradFn: "BernoulliBackward0",
    inputs: [p],
    backward: ([g]) => [zerosLikeT(g!)],
  });
}
