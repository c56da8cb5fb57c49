// Pointwise functions: exp, log, sqrt, sin, cos, tanh, sigmoid, relu, abs, square, clamp,
// and the *_backward ops PyTorch uses inside their formulas (so double backward names match).
import { castValue, isFloating, type DType, type Scalar } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { filled, fromStorage, type Tensor } from "../tensor.ts";
import { binaryMap, promote, unaryMap } from "./kernel.ts";
import { created } from "./create.ts";
import { add, div, mul, mulScalar, neg, pow } from "./arith.ts";
import { ge, le, logicalAnd, where } from "./compare.ts";
import { applyKernel, hasKernel } from "./sleef/index.ts";
import { readOnlyContiguous } from "./scratch.ts";
import { fmaf } from "./sleef/float32.ts";
import { fma } from "../random/fma.ts";
import { markReusable, outputArray } from "../buffer_pool.ts";
import { dense, tangentSum, term } from "./tangent_sum.ts";

const floatOf = (d: DType): DType => (isFloating(d) ? d : "float32");
const fr = (d: DType) => (d === "float32" ? Math.fround : (x: number) => x);

/** a float-valued pointwise op whose formula reads its input ("self") or its output ("result") */
export function pointwise(
  x: Tensor,
  op: string,
  gradFn: string,
  f: (v: number) => number,
  backward: (g: Tensor, self: () => Tensor, result: () => Tensor) => Tensor,
  saves: "self" | "result",
): Tensor {
  const out = hasKernel(op) ? mathMap(x, op) : unaryMap(x, floatOf(x.dtype), f);
  return record(out, {
    op,
    gradFn,
    inputs: [x],
    save: saves === "self" ? { self: x } : { result: out },
    backward: ([g], node) => [
      backward(
        g!,
        () => node.unpack("self"),
        () => node.unpack("result"),
      ),
    ],
    // auto_element_wise: the backward formula with the tangent for the gradient
    jvp: ([t]) => backward(t!, () => x, () => out),
  });
}

/** op over x's elements with the kernel ATen's CPU loop uses (SLEEF's, for float32): PyTorch's bits */
function mathMap(x: Tensor, op: string): Tensor {
  const d = floatOf(x.dtype) as "float32" | "float64";
  const out = outputArray(x.rt, d, x.numel);
  const src = x.dtype === d ? readOnlyContiguous(x) : Float64Array.from(x.values(), fr(d));
  applyKernel(op, d, src, out, () => x.rt.checkDeadline());
  return markReusable(fromStorage(x.rt, out, x.shape.slice(), d), out);
}

export const exp = (x: Tensor): Tensor =>
  pointwise(x, "exp", "ExpBackward0", Math.exp, (g, _s, r) => mul(g, r()), "result");
export const log = (x: Tensor): Tensor =>
  pointwise(x, "log", "LogBackward0", Math.log, (g, s) => div(g, s()), "self");
export const sqrt = (x: Tensor): Tensor =>
  pointwise(x, "sqrt", "SqrtBackward0", Math.sqrt, (g, _s, r) => div(g, mulScalar(r(), 2)), "result");
export const sin = (x: Tensor): Tensor =>
  pointwise(x, "sin", "SinBackward0", Math.sin, (g, s) => mul(g, cos(s())), "self");
export const cos = (x: Tensor): Tensor =>
  pointwise(x, "cos", "CosBackward0", Math.cos, (g, s) => mul(g, neg(sin(s()))), "self");
export const tanh = (x: Tensor): Tensor =>
  pointwise(x, "tanh", "TanhBackward0", Math.tanh, (g, _s, r) => tanhBackward(g, r()), "result");
export const sigmoid = (x: Tensor): Tensor =>
  pointwise(x, "sigmoid", "SigmoidBackward0", (v) => 1 / (1 + Math.exp(-v)), (g, _s, r) => sigmoidBackward(g, r()), "result");

export function square(x: Tensor): Tensor {
  return pow(x, 2n);
}

export function relu(x: Tensor): Tensor {
  // max(x, 0) as ATen's clamp_min kernel takes it: NaN and -0 pass through
  const out = unaryMap(x, x.dtype, (v) => (v < 0 ? 0 : v));
  return record(out, {
    op: "relu",
    gradFn: "ReluBackward0",
    inputs: [x],
    save: { result: out },
    backward: ([g], node) => [thresholdBackward(g!, node.unpack("result"), 0)],
    jvp: ([t]) => thresholdBackward(t!, out, 0),
  });
}

export function abs(x: Tensor): Tensor {
  return record(
    unaryMap(x, x.dtype, Math.abs),
    {
      op: "abs",
      gradFn: "AbsBackward0",
      inputs: [x],
      save: { self: x },
      backward: ([g], node) => [mul(g!, sgn(node.unpack("self")))],
      jvp: ([t]) => mul(t!, sgn(x)),
    },
  );
}

/** ATen's sign kernel, (0 < a) - (a < 0): 0 for NaN and for -0 */
const signOf = (v: number): number => (v > 0 ? 1 : v < 0 ? -1 : 0);

/** sgn (abs's backward uses it) and sign: the same values under two grad_fn names; grad zero */
function signOp(x: Tensor, op: "sgn" | "sign", gradFn: string): Tensor {
  return record(unaryMap(x, x.dtype, signOf), { op, gradFn, inputs: [x], backward: ([g]) => [zerosLikeT(g!)], jvp: ([t]) => zerosLikeT(t!) });
}
export const sgn = (x: Tensor): Tensor => signOp(x, "sgn", "SgnBackward0");
export const sign = (x: Tensor): Tensor => signOp(x, "sign", "SignBackward0");

export function clamp(x: Tensor, min?: Scalar | null, max?: Scalar | null): Tensor {
  if (min == null && max == null) throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const lo = min == null ? -Infinity : Number(min);
  const hi = max == null ? Infinity : Number(max);
  // an int tensor clamped to a float bound is promoted, as any op with a Python float
  const d = promote([x, ...[min, max].filter((b): b is Scalar => b != null)]);
  const out = unaryMap(x, d, (v) => (Number.isNaN(v) ? v : castValue(Math.min(Math.max(v, lo), hi), d)), d);
  return record(out, {
    op: "clamp",
    gradFn: "ClampBackward1",
    inputs: [x],
    save: { self: x },
    backward: ([g], node) => {
      const self = node.unpack("self");
      if (min != null && max != null) return [where(logicalAnd(ge(self, min), le(self, max)), g!, 0)];
      if (min != null) return [where(ge(self, min), g!, 0)];
      if (max != null) return [where(le(self, max), g!, 0)];
      return [g];
    },
    jvp: ([t]) => {
      const mask = min != null && max != null ? logicalAnd(ge(x, min), le(x, max)) : min != null ? ge(x, min) : le(x, max!);
      return where(mask, t!, 0);
    },
  });
}

/** clamp_min / clamp_max: one bound, ClampMinBackward0 / ClampMaxBackward0 */
function clampOneSide(x: Tensor, bound: Scalar, isMin: boolean): Tensor {
  const b = Number(bound);
  const d = promote([x, bound]);
  const out = unaryMap(x, d, (v) => (Number.isNaN(v) ? v : castValue(isMin ? Math.max(v, b) : Math.min(v, b), d)), d);
  return record(out, {
    op: isMin ? "clamp_min" : "clamp_max",
    gradFn: isMin ? "ClampMinBackward0" : "ClampMaxBackward0",
    inputs: [x],
    save: { self: x },
    backward: ([g], node) => [where(isMin ? ge(node.unpack("self"), bound) : le(node.unpack("self"), bound), g!, 0)],
    jvp: ([t]) => where(isMin ? ge(x, bound) : le(x, bound), t!, 0),
  });
}
export const clampMin = (x: Tensor, min: Scalar): Tensor => clampOneSide(x, min, true);
export const clampMax = (x: Tensor, max: Scalar): Tensor => clampOneSide(x, max, false);

export function tanhBackward(grad: Tensor, result: Tensor): Tensor {
  const r = fr(grad.dtype);
  // ATen's kernel computes a * (1 - b * b); the compiler fuses 1 - b * b into one rounding
  const fused = grad.dtype === "float32" ? fmaf : fma;
  const out = binaryMap(grad, result, grad.dtype, grad.dtype, (g, y) => r(g * fused(-y, y, 1)));
  return record(out, {
    op: "tanh_backward",
    gradFn: "TanhBackwardBackward0",
    inputs: [grad, result],
    save: { grad_output: grad, output: result },
    backward: ([g], node) => {
      const go = node.unpack("grad_output");
      const y = node.unpack("output");
      return [tanhBackward(g!, y), mul(g!, mul(mulScalar(y, -2), go))];
    },
    jvp: ([tg, ty]) => tangentSum(out.shape, [dense(tg, grad, (t) => tanhBackward(t, result)), term(ty, (t) => mul(t, mul(mulScalar(result, -2), grad)), result, grad)]),
  });
}

export function sigmoidBackward(grad: Tensor, result: Tensor): Tensor {
  const r = fr(grad.dtype);
  const out = binaryMap(grad, result, grad.dtype, grad.dtype, (g, y) => r(r(g * r(1 - y)) * y));
  return record(out, {
    op: "sigmoid_backward",
    gradFn: "SigmoidBackwardBackward0",
    inputs: [grad, result],
    save: { grad_output: grad, output: result },
    backward: ([g], node) => {
      const go = node.unpack("grad_output");
      const y = node.unpack("output");
      return [sigmoidBackward(g!, y), mul(mul(g!, go), add(mulScalar(y, -2), 1))];
    },
    jvp: ([tg, ty]) =>
      tangentSum(out.shape, [dense(tg, grad, (t) => sigmoidBackward(t, result)), term(ty, (t) => mul(mul(t, grad), add(mulScalar(result, -2), 1)), result, grad)]),
  });
}

export function thresholdBackward(grad: Tensor, self: Tensor, threshold: number): Tensor {
  const out = binaryMap(grad, self, grad.dtype, grad.dtype, (g, v) => (v <= threshold ? 0 : g));
  return record(out, {
    op: "threshold_backward",
    gradFn: "ThresholdBackwardBackward0",
    inputs: [grad, self],
    save: { self },
    backward: ([g], node) => [thresholdBackward(g!, node.unpack("self"), threshold), zerosLikeT(g!)],
    jvp: ([tg]) => (tg ? thresholdBackward(tg, self, threshold) : zerosLikeT(out)),
  });
}

export function zerosLikeT(x: Tensor): Tensor {
  return created(filled(x.rt, x.shape.slice(), x.dtype), "zeros_like");
}
