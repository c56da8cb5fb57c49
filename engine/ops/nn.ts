// Reductions and functions from torch / torch.nn.functional that small training loops use:
// softmax, log_softmax, logsumexp, mse_loss, prod, norm, var, std, cumsum.
import { isFloating } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { add, div, divScalar, mul, mulScalar, sub } from "./arith.ts";
import { exp, log as logOf } from "./unary.ts";
import { mean, sum } from "./reduce.ts";
import { unsqueeze as unsq, wrapDim } from "./views.ts";
import { expf, logf } from "./sleef/float32.ts";
import { exp as exp64, log as log64 } from "./sleef/float64.ts";

/** apply fn to each 1-D run of values along dim (last: the run is contiguous, dim is innermost) */
function alongDim(x: Tensor, dim: number, fn: (vals: number[], last: boolean) => number[]): Tensor {
  const d = x.dim() === 0 ? 0 : wrapDim(dim, x.dim());
  const shape = x.shape.length === 0 ? [1] : x.shape;
  const v = x.values();
  const n = shape[d];
  const inner = numelOf(shape.slice(d + 1));
  const outer = numelOf(shape.slice(0, d));
  const out = new Array<number>(v.length);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const run: number[] = [];
      for (let k = 0; k < n; k++) run.push(v[(o * n + k) * inner + i]);
      fn(run, inner === 1).forEach((r, k) => (out[(o * n + k) * inner + i] = r));
    }
  return fromValues(x.rt, out, x.shape.slice(), isFloating(x.dtype) ? x.dtype : "float32");
}

const fr = (t: Tensor) => (t.dtype === "float32" ? Math.fround : (v: number) => v);

/**
 * The sum of a run as ATen's vec::reduce_all adds it: vector-wide partial sums over lanes (8 floats,
 * 4 doubles; a short tail adds into the first lanes), then the lanes folded: floats in halves as the
 * AVX2 shuffles do, doubles in order (measured against PyTorch 1.13); a run shorter than a vector adds
 * its elements in order.
 */
function laneSum(e: number[], lanes: number, r: (v: number) => number): number {
  const n = e.length;
  if (n < lanes) return e.reduce((a, b) => r(a + b));
  const acc = e.slice(0, lanes);
  let d = lanes;
  for (; d < n - (n % lanes); d += lanes) for (let l = 0; l < lanes; l++) acc[l] = r(acc[l]! + e[d + l]!);
  for (let l = 0; d + l < n; l++) acc[l] = r(acc[l]! + e[d + l]!);
  if (lanes === 4) return acc.reduce((a, b) => r(a + b));
  for (let half = lanes / 2; half >= 1; half /= 2) for (let l = 0; l < half; l++) acc[l] = r(acc[l]! + acc[l + half]!);
  return acc[0]!;
}

/** max that propagates NaN, as vec::maximum does */
const maxOf = (run: number[]): number => run.reduce((a, b) => (Number.isNaN(a) || b > a || Number.isNaN(b) ? b : a), -Infinity);

/** exp and log as ATen's CPU softmax kernels call them: SLEEF's */
const kernels = (t: Tensor) =>
  t.dtype === "float32" ? { exp: expf, log: logf, lanes: 8 } : { exp: exp64, log: log64, lanes: 4 };

/** softmax over a contiguous last dim multiplies by 1/sum (_vec_softmax_lastdim); over another dim
 *  it sums in order and divides (_vec_softmax) */
export function softmax(x: Tensor, dim: number): Tensor {
  const r = fr(x);
  const k = kernels(x);
  const out = alongDim(x, dim, (run, last) => {
    const m = maxOf(run);
    const e = run.map((v) => k.exp(r(v - m)));
    if (last) {
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
    backward: ([g], node) => {
      const y = node.unpack("result");
      return [mul(y, sub(g!, sum(mul(g!, y), dim, true)))];
    },
  });
}

/** log_softmax: (x - max) - log(sum of exp(x - max)), the sum as softmax adds it */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  const r = fr(x);
  const k = kernels(x);
  const out = alongDim(x, dim, (run, last) => {
    const m = maxOf(run);
    const e = run.map((v) => k.exp(r(v - m)));
    const s = last ? laneSum(e, k.lanes, r) : e.reduce((a, b) => r(a + b), 0);
    const lse = r(k.log(s));
    return run.map((v) => r(r(v - m) - lse));
  });
  return record(out, {
    op: "log_softmax",
    gradFn: "LogSoftmaxBackward0",
    inputs: [x],
    save: { result: out },
    backward: ([g], node) => [sub(g!, mul(exp(node.unpack("result")), sum(g!, dim, true)))],
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
  const n = input.numel;
  return record(out, {
    op: "mse_loss",
    gradFn: "MseLossBackward0",
    inputs: [input, target],
    save: { self: input, target },
    backward: ([g], node) => {
      const d = sub(node.unpack("self"), node.unpack("target"));
      let gi = mul(mulScalar(d, 2), g!);
      if (reduction === "mean") gi = divScalar(gi, BigInt(n));
      return [gi, target.requiresGrad ? mulScalar(gi, -1) : null];
    },
  });
}

export function prod(x: Tensor): Tensor {
  const r = fr(x);
  const out = fromValues(x.rt, [x.values().reduce((a, b) => r(a * b), 1)], [], isFloating(x.dtype) ? x.dtype : "int64");
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
      return [div(mul(g!, node.unpack("result")), self)];
    },
  });
}

export function norm(x: Tensor): Tensor {
  if (!isFloating(x.dtype)) throw runtimeError("linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long");
  const r = fr(x);
  const out = fromValues(x.rt, [Math.sqrt(x.values().reduce((a, b) => r(a + r(b * b)), 0))], [], x.dtype);
  return record(out, {
    op: "norm",
    gradFn: "NormBackward1",
    inputs: [x],
    save: { self: x, result: out },
    backward: ([g], node) => [mul(g!, div(node.unpack("self"), node.unpack("result")))],
  });
}

export function variance(x: Tensor, unbiased = true): Tensor {
  const v = x.values();
  const n = v.length;
  const m = v.reduce((a, b) => a + b, 0) / n;
  const val = v.reduce((a, b) => a + (b - m) * (b - m), 0) / (unbiased ? n - 1 : n);
  const out = fromValues(x.rt, [val], [], x.dtype);
  return record(out, {
    op: "var",
    gradFn: "VarBackward0",
    inputs: [x],
    save: { self: x },
    backward: ([g], node) => {
      const self = node.unpack("self");
      return [mul(mulScalar(g!, 2 / (unbiased ? n - 1 : n)), sub(self, mean(self)))];
    },
  });
}

export function std(x: Tensor, unbiased = true): Tensor {
  const v = x.rt.noGrad(() => variance(x, unbiased));
  const out = fromValues(x.rt, [Math.sqrt(v.values()[0])], [], x.dtype);
  const n = x.numel;
  return record(out, {
    op: "std",
    gradFn: "StdBackward0",
    inputs: [x],
    save: { self: x, result: out },
    backward: ([g], node) => {
      const self = node.unpack("self");
      return [div(mul(g!, sub(self, mean(self))), mulScalar(node.unpack("result"), unbiased ? n - 1 : n))];
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

/** the gradient of cumsum: sums from the end */
function reverseCumsum(g: Tensor, dim: number): Tensor {
  const total = sum(g, dim, true);
  return add(sub(total, cumsum(g, dim)), g);
}
