// Reductions and functions from torch / torch.nn.functional that small training loops use:
// softmax, log_softmax, logsumexp, mse_loss, prod, norm, var, std, cumsum.
import { isFloating } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { add, div, divScalar, mul, mulScalar, neg, sub } from "./arith.ts";
import { binaryMap } from "./kernel.ts";
import { onesLike } from "./create.ts";
import { exp, log as logOf } from "./unary.ts";
import { mean, sum } from "./reduce.ts";
import { eq } from "./compare.ts";
import { maskedFill_ } from "./masked.ts";
import { norm2 } from "./norm2.ts";
import { blockReduce, innerChunk, inVector, laneSum } from "./vec_reduce.ts";
import { logSoftmaxBackwardData, softmaxBackwardData } from "./softmax_backward.ts";
import { unsqueeze as unsq, wrapDim } from "./views.ts";
import { flip } from "./reorder.ts";
import { expf, logf } from "./sleef/float32.ts";
import { exp as exp64, log as log64 } from "./sleef/float64.ts";

/** how ATen's CPU kernel treats a run: a contiguous last dim, or a position of another dim that falls
 *  in a whole vector (SLEEF's exp) or in the scalar loop (libm's exp) */
type RunKind = "last" | "vector" | "scalar";

/** apply fn to each 1-D run of values along dim; chunk: the inner blocks the kernel walks */
function alongDim(x: Tensor, dim: number, fn: (vals: number[], kind: RunKind) => number[], chunk?: number): Tensor {
  const d = x.dim() === 0 ? 0 : wrapDim(dim, x.dim());
  const shape = x.shape.length === 0 ? [1] : x.shape;
  const v = x.values();
  const n = shape[d];
  const inner = numelOf(shape.slice(d + 1));
  const outer = numelOf(shape.slice(0, d));
  const lanes = x.dtype === "float64" ? 4 : 8;
  const out = new Array<number>(v.length);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const run: number[] = [];
      for (let k = 0; k < n; k++) run.push(v[(o * n + k) * inner + i]);
      const kind = inner === 1 ? "last" : inVector(i, inner, lanes, chunk) ? "vector" : "scalar";
      fn(run, kind).forEach((r, k) => (out[(o * n + k) * inner + i] = r));
    }
  return fromValues(x.rt, out, x.shape.slice(), isFloating(x.dtype) ? x.dtype : "float32");
}

const fr = (t: Tensor) => (t.dtype === "float32" ? Math.fround : (v: number) => v);

/** max that propagates NaN, as vec::maximum does */
const maxOf = (run: number[]): number => run.reduce((a, b) => (Number.isNaN(a) || b > a || Number.isNaN(b) ? b : a), -Infinity);

/** exp and log as ATen's CPU softmax kernels call them: SLEEF's */
const kernels = (t: Tensor) =>
  t.dtype === "float32" ? { exp: expf, log: logf, lanes: 8 } : { exp: exp64, log: log64, lanes: 4 };

/** softmax over a contiguous last dim multiplies by 1/sum (_vec_softmax_lastdim); over another dim
 *  it sums in order and divides (_vec_softmax), with libm's exp for the positions outside whole vectors */
export function softmax(x: Tensor, dim: number): Tensor {
  const r = fr(x);
  const k = kernels(x);
  const out = alongDim(x, dim, (run, kind) => {
    const m = maxOf(run);
    const exp = kind === "scalar" ? (v: number) => r(Math.exp(v)) : k.exp;
    const e = run.map((v) => exp(r(v - m)));
    if (kind === "last") {
      const inv = r(1 / laneSum(e, k.lanes, r));
      return e.map((v) => r(v * inv));
    }
    const s = e.reduce((a, b) => r(a + b), 0);
    return e.map((v) => r(v / s));
  });
  return record(out, {
    op: "softmax",
    gradFn: "SoftmaxBackward0",
    inputs: [x],
    save: { result: out },
    backward: ([g], node) => [softmaxBackwardData(g!, node.unpack("result"), dim)],
  });
}

/** log_softmax: (x - max) - log(sum of exp(x - max)), the sum as softmax adds it */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  const r = fr(x);
  const k = kernels(x);
  const d = x.dim() === 0 ? 0 : wrapDim(dim, x.dim());
  const chunk = innerChunk(x.shape[d] ?? 1, x.dtype, k.lanes);
  const out = alongDim(
    x,
    dim,
    (run, kind) => {
      const m = maxOf(run);
      const exp = kind === "scalar" ? (v: number) => r(Math.exp(v)) : k.exp;
      const e = run.map((v) => exp(r(v - m)));
      const s = kind === "last" ? laneSum(e, k.lanes, r) : e.reduce((a, b) => r(a + b), 0);
      const lse = r(k.log(s));
      return run.map((v) => r(r(v - m) - lse));
    },
    chunk,
  );
  return record(out, {
    op: "log_softmax",
    gradFn: "LogSoftmaxBackward0",
    inputs: [x],
    save: { result: out },
    backward: ([g], node) => [logSoftmaxBackwardData(g!, node.unpack("result"), dim)],
  });
}

export function logsumexp(x: Tensor, dim: number, keepdim = false): Tensor {
  const m = x.rt.noGrad(() => x.values().reduce((a, b) => Math.max(a, b), -Infinity));
  const shifted = x.rt.noGrad(() => sub(x, Number.isFinite(m) ? m : 0));
  const lse = x.rt.noGrad(() => add(logOf(sum(exp(shifted), dim, keepdim)), Number.isFinite(m) ? m : 0));
  const out = fromValues(x.rt, lse.values(), lse.shape.slice(), lse.dtype);
  return record(out, {
    op: "logsumexp",
    gradFn: "LogsumexpBackward0",
    inputs: [x],
    save: { self: x, result: out },
    backward: ([g], node) => {
      const self = node.unpack("self");
      const res = node.unpack("result");
      const d = wrapDim(dim, self.dim());
      const gk = keepdim ? g! : unsq(g!, d);
      const rk = keepdim ? res : unsq(res, d);
      return [mul(gk, exp(sub(self, rk)))];
    },
  });
}

export function mseLoss(input: Tensor, target: Tensor, reduction: "mean" | "sum" | "none" = "mean"): Tensor {
  const diff = input.rt.noGrad(() => sub(input, target));
  const sq = input.rt.noGrad(() => mul(diff, diff));
  const red = reduction === "mean" ? input.rt.noGrad(() => mean(sq)) : reduction === "sum" ? input.rt.noGrad(() => sum(sq)) : sq;
  const out = fromValues(input.rt, red.values(), red.shape.slice(), red.dtype);
  return record(out, {
    op: "mse_loss",
    gradFn: "MseLossBackward0",
    inputs: [input, target],
    save: { self: input, target },
    backward: ([g], node) => {
      const self = node.unpack("self");
      const t = node.unpack("target");
      return [
        input.requiresGrad ? mseLossBackward(g!, self, t, reduction) : null,
        target.requiresGrad ? mseLossBackward(g!, t, self, reduction) : null,
      ];
    },
  });
}

/** mse_loss_backward: norm·(self - target)·grad_output element by element, norm = 2/numel for
 *  'mean' (ATen's kernel, one rounding per step); its own node, MseLossBackwardBackward0 */
export function mseLossBackward(gradOutput: Tensor, self: Tensor, target: Tensor, reduction: "mean" | "sum" | "none"): Tensor {
  const r = fr(self);
  const norm = r(reduction === "mean" ? 2 / self.numel : 2);
  const diff = self.rt.internally(() => sub(self, target));
  const out = binaryMap(diff, gradOutput, self.dtype, self.dtype, (d, g) => r(r(norm * d) * g));
  const doubleBackward = (gg: Tensor) => {
    const twice = mulScalar(gg, 2);
    return reduction === "mean" ? divScalar(twice, BigInt(self.numel)) : twice;
  };
  return record(out, {
    op: "mse_loss_backward",
    gradFn: "MseLossBackwardBackward0",
    inputs: [gradOutput, self, target],
    save: { grad_output: gradOutput, self, target },
    backward: ([g], node) => {
      const go = node.unpack("grad_output");
      const s = node.unpack("self");
      const t = node.unpack("target");
      let dGrad: Tensor | null = null;
      if (gradOutput.requiresGrad) {
        dGrad =
          reduction === "none"
            ? mseLossBackward(g!, s, t, reduction)
            : sum(mul(mseLossBackward(onesLike(go), s, t, reduction), g!));
      }
      const dSelf = self.requiresGrad ? doubleBackward(mul(g!, go)) : null;
      const dTarget = target.requiresGrad ? neg(doubleBackward(mul(g!, go))) : null;
      return [dGrad, dSelf, dTarget];
    },
  });
}

export function prod(x: Tensor): Tensor {
  const r = fr(x);
  const vals = x.isContiguous() ? x.contiguousData() : x.values();
  const value = blockReduce(vals, x.dtype === "float64" ? 4 : 8, 1, (a, b) => r(a * b));
  const out = fromValues(x.rt, [value], [], isFloating(x.dtype) ? x.dtype : "int64");
  return record(out, {
    op: "prod",
    gradFn: "ProdBackward0",
    inputs: [x],
    save: { self: x, result: out },
    backward: ([g], node) => {
      const self = node.unpack("self");
      const vals = self.values();
      if (vals.some((v) => v === 0)) {
        // the product of all the other elements, one by one
        const others = vals.map((_, i) => vals.reduce((a, b, j) => (i === j ? a : a * b), 1));
        return [mul(g!, fromValues(x.rt, others, self.shape.slice(), self.dtype))];
      }
      // prod_backward without zeros: grad * (result / input)
      return [mul(g!, div(node.unpack("result"), self))];
    },
  });
}

export function norm(x: Tensor): Tensor {
  if (!isFloating(x.dtype)) throw runtimeError("linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long");
  const out = fromValues(x.rt, [norm2(x.isContiguous() ? x.contiguousData() : x.values(), x.dtype as "float32" | "float64")], [], x.dtype);
  return record(out, {
    op: "norm",
    // torch.norm / Tensor.norm run linalg.vector_norm since 2.0; its ord-2 formula:
    // grad * (self / norm).masked_fill_(norm == 0, 0)
    gradFn: "LinalgVectorNormBackward0",
    inputs: [x],
    save: { self: x, result: out },
    backward: ([g], node) => {
      const result = node.unpack("result");
      return [mul(g!, maskedFill_(div(node.unpack("self"), result), eq(result, 0), 0))];
    },
  });
}

/** the variance in double, as ATen's CPU kernel accumulates it before rounding to the dtype */
function varianceOf(x: Tensor, unbiased: boolean, op: "std" | "var"): number {
  if (!isFloating(x.dtype)) throw runtimeError("std and var only support floating point and complex dtypes");
  const v = x.values();
  const n = v.length;
  const dof = Math.max(0, unbiased ? n - 1 : n);
  if (dof === 0)
    x.rt.warn(
      "UserWarning",
      `${op}(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor (input numel divided by output numel). (Triggered internally at ./aten/src/ATen/native/ReduceOps.cpp:1831.)`,
    );
  const m = v.reduce((a, b) => a + b, 0) / n;
  return v.reduce((a, b) => a + (b - m) * (b - m), 0) / dof;
}

/** var_backward: (2 / dof) * grad * (self - self.mean()) */
function varBackward(g: Tensor, self: Tensor, unbiased: boolean): Tensor {
  return mul(mulScalar(g, 2 / (unbiased ? self.numel - 1 : self.numel)), sub(self, mean(self)));
}

export function variance(x: Tensor, unbiased = true): Tensor {
  const out = fromValues(x.rt, [varianceOf(x, unbiased, "var")], [], x.dtype);
  return record(out, {
    op: "var",
    gradFn: "VarBackward0",
    inputs: [x],
    save: { self: x },
    backward: ([g], node) => [varBackward(g!, node.unpack("self"), unbiased)],
  });
}

/** std: sqrt of the double variance, rounded once; its gradient is ATen 2.6's std_backward,
 *  var_backward of (grad / (result * 2)).masked_fill_(result == 0, 0) */
export function std(x: Tensor, unbiased = true): Tensor {
  const out = fromValues(x.rt, [Math.sqrt(varianceOf(x, unbiased, "std"))], [], x.dtype);
  return record(out, {
    op: "std",
    gradFn: "StdBackward0",
    inputs: [x],
    save: { self: x, result: out },
    backward: ([g], node) => {
      const result = node.unpack("result");
      const gradVar = maskedFill_(div(g!, mulScalar(result, 2)), eq(result, 0), 0);
      return [varBackward(gradVar, node.unpack("self"), unbiased)];
    },
  });
}

export function cumsum(x: Tensor, dim: number): Tensor {
  const r = fr(x);
  const out = alongDim(x, dim, (run) => {
    // ATen accumulates float32 in double (acc_type) and rounds each output
    let acc = 0;
    return run.map((v) => r((acc += v)));
  });
  return record(out, {
    op: "cumsum",
    gradFn: "CumsumBackward0",
    inputs: [x],
    backward: ([g]) => [reverseCumsum(g!, dim)],
  });
}

/** the gradient of cumsum, as ATen 2.6 writes it: grad.flip(dim).cumsum(dim).flip(dim) */
function reverseCumsum(g: Tensor, dim: number): Tensor {
  if (g.numel <= 1 || g.shape[wrapDim(dim, g.dim())] === 1) return g;
  const d = wrapDim(dim, g.dim());
  return flip(cumsum(flip(g, [d]), d), [d]);
}
