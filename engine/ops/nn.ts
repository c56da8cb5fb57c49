// Reductions and functions from torch / torch.nn.functional that small training loops use:
// softmax, log_softmax, logsumexp, mse_loss, cumsum (prod, var, std and norms: stats.ts).
import { atenTypeName, type DType, isFloating, unpromotedMismatch } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { add, div, divScalar, mul, mulScalar, neg, sub, subPromoted } from "./arith.ts";
import { dense, tangentSum } from "./tangent_sum.ts";
import { binaryMap } from "./kernel.ts";
import { onesLike } from "./create.ts";
import { exp, log as logOf } from "./unary.ts";
import { max, mean, sum } from "./reduce.ts";
import { innerChunk, inVector, laneSum } from "./vec_reduce.ts";
import { libmExp } from "../random/libmExp.ts";
import { logSoftmaxBackwardData, softmaxBackwardData } from "./softmax_backward.ts";
import { reshape, unsqueeze as unsq, wrapDim } from "./views.ts";
import { flip } from "./reorder.ts";
import { expf, logf } from "./sleef/float32.ts";
import { exp as exp64, log as log64 } from "./sleef/float64.ts";

/** how ATen's CPU kernel treats a run: a contiguous last dim, or a position of another dim that falls
 *  in a whole vector (SLEEF's exp) or in the scalar loop (libm's exp) */
type RunKind = "last" | "vector" | "scalar";

/** apply fn to each 1-D run of values along dim; chunk: the inner blocks the kernel walks */
function alongDim(
  x: Tensor,
  dim: number,
  fn: (vals: number[], kind: RunKind) => number[],
  chunk?: number,
  outDtype: DType = isFloating(x.dtype) ? x.dtype : "float32",
): Tensor {
  const d = wrapDim(dim, x.dim());
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
  return fromValues(x.rt, out, x.shape.slice(), outDtype);
}

const fr = (t: Tensor) => (t.dtype === "float32" ? Math.fround : (v: number) => v);

/** max that propagates NaN, as vec::maximum does */
const maxOf = (run: number[]): number => run.reduce((a, b) => (Number.isNaN(a) || b > a || Number.isNaN(b) ? b : a), -Infinity);

/** exp and log as ATen's CPU softmax kernels call them: SLEEF's */
const kernels = (t: Tensor) =>
  t.dtype === "float32"
    ? { exp: expf, log: logf, lanes: 8, libm: (v: number) => Math.fround(Math.exp(v)) }
    : { exp: exp64, log: log64, lanes: 4, libm: libmExp };

/** softmax over a contiguous last dim multiplies by 1/sum (_vec_softmax_lastdim); over another dim
 *  it sums in order and divides (_vec_softmax), with libm's exp for the positions outside whole vectors
 *  (glibc's exp for float64). With more than one thread, PyTorch splits the positions between threads
 *  and which fall in whole vectors changes: the answer key is recorded with OMP_NUM_THREADS=1 */
/** softmax and log_softmax have float kernels only (dispatched on the last dim or another) */
function checkFloating(x: Tensor, dim: number, name: "softmax" | "log_softmax"): void {
  if (isFloating(x.dtype)) return;
  const d = x.dim() === 0 ? 0 : wrapDim(dim, x.dim());
  const kernel = x.dim() === 0 || d === x.dim() - 1 ? `${name}_lastdim_kernel_impl` : "softmax_kernel_impl";
  throw runtimeError(`"${kernel}" not implemented for '${atenTypeName(x.dtype)}'`);
}

export function softmax(x: Tensor, dim: number): Tensor {
  checkFloating(x, dim, "softmax");
  const r = fr(x);
  const k = kernels(x);
  const out = alongDim(x, dim, (run, kind) => {
    const m = maxOf(run);
    const exp = kind === "scalar" ? k.libm : k.exp;
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
    // result * (self_t - logsumexp_jvp(self_p, self_t, {dim}, true))
    jvp: ([t]) => mul(out, sub(t!, logsumexpJvp(x, t!, dim, true))),
  });
}

/** log_softmax: (x - max) - log(sum of exp(x - max)), the sum as softmax adds it */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  checkFloating(x, dim, "log_softmax");
  const r = fr(x);
  const k = kernels(x);
  const d = x.dim() === 0 ? 0 : wrapDim(dim, x.dim());
  const chunk = innerChunk(x.shape[d] ?? 1, x.dtype, k.lanes);
  const out = alongDim(
    x,
    dim,
    (run, kind) => {
      const m = maxOf(run);
      const exp = kind === "scalar" ? k.libm : k.exp;
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
    jvp: ([t]) => sub(t!, logsumexpJvp(x, t!, dim, true)),
  });
}

/** logsumexp as ATen computes it: each run's max (an infinite max counts as 0), then
 *  log(sum(exp(x - max))) + max */
export function logsumexp(x: Tensor, dim: number | number[], keepdim = false): Tensor {
  const dims = x.dim() === 0 ? [] : (Array.isArray(dim) ? dim : [dim]).map((d) => wrapDim(d, x.dim())).sort((a, b) => a - b);
  if (x.dim() === 0) for (const d of Array.isArray(dim) ? dim : [dim]) wrapDim(d, 0);
  const lse = x.rt.internally(() => {
    if (x.numel === 0) return logOf(sum(exp(x), dims, keepdim));
    let maxes = x;
    for (const d of dims) maxes = (max(maxes, d, true) as Tensor[])[0];
    maxes = fromValues(x.rt, maxes.values().map((v) => (Math.abs(v) === Infinity ? 0 : v)), maxes.shape.slice(), maxes.dtype);
    const s = logOf(sum(exp(sub(x, maxes)), dims, keepdim));
    return add(s, keepdim ? maxes : reshape(maxes, s.shape.slice()));
  });
  const out = fromValues(x.rt, lse.values(), lse.shape.slice(), lse.dtype);
  return record(out, {
    op: "logsumexp",
    gradFn: "LogsumexpBackward0",
    inputs: [x],
    save: { self: x, result: out },
    backward: ([g], node) => {
      const self = node.unpack("self");
      let gk = g!;
      let rk = node.unpack("result");
      if (!keepdim && self.dim() !== 0)
        for (const d of dims) {
          gk = unsq(gk, d);
          rk = unsq(rk, d);
        }
      return [mul(gk, exp(sub(self, rk)))];
    },
    jvp: ([t]) => logsumexpJvp(x, t!, dims, keepdim),
  });
}

export function mseLoss(input: Tensor, target: Tensor, reduction: "mean" | "sum" | "none" = "mean"): Tensor {
  const diff = input.rt.noGrad(() => subPromoted(input, target));
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
      // the forward promotes (input - target), mse_loss_backward's TensorIterator does not: a
      // target of another dtype (an int64 class index, a float64 label) fails here in PyTorch,
      // never a gradient
      const mismatch = unpromotedMismatch(t.dtype, self.dtype);
      if (mismatch) throw runtimeError(mismatch);
      return [
        node.needs(0) ? mseLossBackward(g!, self, t, reduction) : null,
        node.needs(1) ? mseLossBackward(g!, t, self, reduction) : null,
      ];
    },
    // apply_loss_reduction(mse_loss_backward(self_t, self_p, target_p) + mse_loss_backward(target_t, target_p, self_p), reduction)
    jvp: ([ts, tt]) => {
      const each = tangentSum(input.shape, [dense(ts, input, (t) => mseLossBackward(t, input, target, "none")), dense(tt, target, (t) => mseLossBackward(t, target, input, "none"))]);
      return reduction === "mean" ? mean(each) : reduction === "sum" ? sum(each) : each;
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
      if (node.needs(0)) {
        dGrad =
          reduction === "none"
            ? mseLossBackward(g!, s, t, reduction)
            : sum(mul(mseLossBackward(onesLike(go), s, t, reduction), g!));
      }
      const dSelf = node.needs(1) ? doubleBackward(mul(g!, go)) : null;
      const dTarget = node.needs(2) ? neg(doubleBackward(mul(g!, go))) : null;
      return [dGrad, dSelf, dTarget];
    },
  });
}

export function cumsum(x: Tensor, dim: number): Tensor {
  const r = fr(x);
  // integers and bools add up as int64, as ATen's cumsum promotes them
  const out = alongDim(
    x,
    dim,
    (run) => {
      // ATen accumulates float32 in double (acc_type) and rounds each output
      let acc = 0;
      return run.map((v) => r((acc += v)));
    },
    undefined,
    isFloating(x.dtype) ? x.dtype : "int64",
  );
  return record(out, {
    op: "cumsum",
    gradFn: "CumsumBackward0",
    inputs: [x],
    backward: ([g]) => [reverseCumsum(g!, dim)],
    jvp: ([t]) => cumsum(t!, dim),
  });
}

/** the gradient of cumsum, as ATen 2.6 writes it: grad.flip(dim).cumsum(dim).flip(dim) */
function reverseCumsum(g: Tensor, dim: number): Tensor {
  if (g.numel <= 1 || g.shape[wrapDim(dim, g.dim())] === 1) return g;
  const d = wrapDim(dim, g.dim());
  return flip(cumsum(flip(g, [d]), d), [d]);
}

/** ATen's logsumexp_jvp: sum(exp(self_p - amax) * self_t) / sum(exp(self_p - amax)) over dim */
function logsumexpJvp(p: Tensor, t: Tensor, dim: number | number[], keepdim: boolean): Tensor {
  const dims = p.dim() === 0 ? [] : (Array.isArray(dim) ? dim : [dim]).map((d) => wrapDim(d, p.dim()));
  let e: Tensor;
  if (p.numel > 0) {
    let m = p;
    for (const d of dims) m = (max(m, d, true) as Tensor[])[0];
    e = exp(sub(p, m));
  } else e = exp(p);
  const sumP = sum(e, dims, keepdim);
  return div(sum(mul(e, t), dims, keepdim), sumP);
}
