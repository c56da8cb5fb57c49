// torch.addcmul / torch.addcdiv (self + value * t1 * t2, self + value * t1 / t2), as ATen's CPU
// kernels compute them: addcmul is one fused multiply-add of (value * t1) and t2 onto self
// (GCC fuses `self_vec + scalar_vec * t1_vec * t2_vec`), addcdiv rounds each step. Adam, RMSprop
// and Adagrad update their state and parameters with these.
import { isFloating, type DType } from "../dtype.ts";
import { record } from "../autograd/record.ts";
import { runtimeError } from "../errors.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { fma } from "../random/fma.ts";
import { fmaf } from "./sleef/float32.ts";
import { broadcastShapes, promote } from "./kernel.ts";
import { broadcastValues } from "./broadcast_read.ts";
import { div, maybeMultiply, mul, mulScalar, neg, sub } from "./arith.ts";
import { tangentSum, term } from "./tangent_sum.ts";

type Kernel = (s: number, a: number, b: number) => number;

function addcmulKernel(d: DType, value: number): Kernel {
  if (d === "float32") {
    const v = Math.fround(value);
    return (s, a, b) => fmaf(Math.fround(v * a), b, s);
  }
  if (d === "float64") return (s, a, b) => fma(value * a, b, s);
  return (s, a, b) => s + value * a * b;
}

function addcdivKernel(d: DType, value: number): Kernel {
  if (d === "float32") {
    const v = Math.fround(value);
    const r = Math.fround;
    return (s, a, b) => r(s + r(r(v * a) / b));
  }
  return (s, a, b) => s + (value * a) / b;
}

function apply(self: Tensor, t1: Tensor, t2: Tensor, kernel: (d: DType) => Kernel): Tensor {
  const d = promote([self, t1, t2]);
  const shape = broadcastShapes(broadcastShapes(self.shape, t1.shape), t2.shape);
  const [sv, av, bv] = [self, t1, t2].map((t) => broadcastValues(t, shape));
  const f = kernel(d);
  const r = d === "float32" ? Math.fround : (x: number) => x;
  return fromValues(self.rt, sv.map((s, i) => f(r(s), r(av[i]), r(bv[i]))), shape, d);
}

export function addcmul(self: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  const out = apply(self, t1, t2, (d) => addcmulKernel(d, value));
  return record(out, {
    op: "addcmul",
    gradFn: "AddcmulBackward0",
    inputs: [self, t1, t2],
    save: { tensor1: t1, tensor2: t2 },
    backward: ([g], node) => [
      node.needs(0) ? g : null,
      node.needs(1) ? mul(g!, mulScalar(node.unpack("tensor2"), value)) : null,
      node.needs(2) ? mul(g!, mulScalar(node.unpack("tensor1"), value)) : null,
    ],
    // self_t + maybe_multiply(tensor1_t * tensor2_p, value) + maybe_multiply(tensor2_t * tensor1_p, value)
    jvp: ([ts, ta, tb]) =>
      tangentSum(out.shape, [
        term(ts, (t) => t),
        term(ta, (t) => maybeMultiply(mul(t, t2), value), t2),
        term(tb, (t) => maybeMultiply(mul(t, t1), value), t1),
      ]),
  });
}

export function addcdiv(self: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  if (!isFloating(t1.dtype) && !isFloating(t2.dtype))
    throw runtimeError(
      "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.",
    );
  const out = apply(self, t1, t2, (d) => addcdivKernel(d, value));
  return record(out, {
    op: "addcdiv",
    gradFn: "AddcdivBackward0",
    inputs: [self, t1, t2],
    save: { tensor1: t1, tensor2: t2 },
    backward: ([g], node) => {
      const t2s = node.unpack("tensor2");
      return [
        node.needs(0) ? g : null,
        node.needs(1) ? mul(g!, div(value, t2s)) : null,
        node.needs(2) ? mul(neg(g!), div(mulScalar(node.unpack("tensor1"), value), mul(t2s, t2s))) : null,
      ];
    },
    // self_t + maybe_multiply(tensor1_t / tensor2_p, value) - maybe_multiply(tensor2_t * (tensor1_p / tensor2_p) / tensor2_p, value)
    jvp: ([ts, ta, tb]) => {
      const last = tb ? maybeMultiply(div(mul(tb, div(t1, t2)), t2), value) : null;
      if (!ts && !ta) return neg(last!);
      const first = tangentSum(out.shape, [term(ts, (t) => t), term(ta, (t) => maybeMultiply(div(t, t2), value), t2)]);
      return last ? sub(first, last) : first;
    },
  });
}
