// Every op's backward formula against central finite differences in float64, first order
// and (through create_graph) second order, as torch.autograd.gradcheck/gradgradcheck do.
import { describe, expect, it } from "vitest";
import * as T from "../../engine/index.ts";

type Fn = (rt: T.Runtime, xs: T.Tensor[]) => T.Tensor;

interface Case {
  name: string;
  shapes: number[][];
  fn: Fn;
  /** keep inputs away from kinks and poles (abs at 0, log/sqrt of negatives, ties in max) */
  positive?: boolean;
  secondOrder?: boolean;
}

const cases: Case[] = [
  { name: "add", shapes: [[3], [2, 3]], fn: (_, [a, b]) => T.add(a, b) },
  { name: "add alpha", shapes: [[3], [3]], fn: (_, [a, b]) => T.add(a, b, 2.5) },
  { name: "sub", shapes: [[2, 3], [3]], fn: (_, [a, b]) => T.sub(a, b) },
  { name: "rsub scalar", shapes: [[3]], fn: (_, [a]) => T.rsub(a, 1.5) },
  { name: "mul", shapes: [[2, 3], [2, 1]], fn: (_, [a, b]) => T.mul(a, b) },
  { name: "mul scalar", shapes: [[3]], fn: (_, [a]) => T.mul(a, 3.0) },
  { name: "div", shapes: [[3], [3]], fn: (_, [a, b]) => T.div(a, b), positive: true },
  { name: "div scalar left", shapes: [[3]], fn: (_, [a]) => T.mul(T.reciprocal(a), 2.0), positive: true },
  { name: "neg", shapes: [[4]], fn: (_, [a]) => T.neg(a) },
  { name: "pow scalar", shapes: [[3]], fn: (_, [a]) => T.pow(a, 3n) },
  { name: "pow fractional", shapes: [[3]], fn: (_, [a]) => T.pow(a, 1.7), positive: true },
  { name: "pow tensor", shapes: [[3], [3]], fn: (_, [a, b]) => T.pow(a, b), positive: true },
  { name: "pow scalar base", shapes: [[3]], fn: (_, [a]) => T.pow(2.0, a) as T.Tensor },
  { name: "square", shapes: [[2, 2]], fn: (_, [a]) => T.square(a) },
  { name: "sqrt", shapes: [[3]], fn: (_, [a]) => T.sqrt(a), positive: true },
  { name: "exp", shapes: [[3]], fn: (_, [a]) => T.exp(a) },
  { name: "log", shapes: [[3]], fn: (_, [a]) => T.log(a), positive: true },
  { name: "sin", shapes: [[3]], fn: (_, [a]) => T.sin(a) },
  { name: "cos", shapes: [[3]], fn: (_, [a]) => T.cos(a) },
  { name: "tanh", shapes: [[3]], fn: (_, [a]) => T.tanh(a) },
  { name: "sigmoid", shapes: [[3]], fn: (_, [a]) => T.sigmoid(a) },
  { name: "gelu", shapes: [[4]], fn: (_, [a]) => T.gelu(a, "none") },
  { name: "gelu tanh", shapes: [[4]], fn: (_, [a]) => T.gelu(a, "tanh") },
  { name: "softplus", shapes: [[4]], fn: (_, [a]) => T.softplus(a, 2, 20) },
  { name: "elu (selu's scales)", shapes: [[4]], fn: (_, [a]) => T.elu(a, 1.6732632423543772, 1.0507009873554805) },
  { name: "celu", shapes: [[4]], fn: (_, [a]) => T.elu(a, 0.5, 1, 2) },
  { name: "silu", shapes: [[4]], fn: (_, [a]) => T.silu(a) },
  { name: "relu", shapes: [[4]], fn: (_, [a]) => T.relu(a), secondOrder: false },
  { name: "abs", shapes: [[4]], fn: (_, [a]) => T.abs(a), secondOrder: false },
  { name: "clamp", shapes: [[4]], fn: (_, [a]) => T.clamp(a, -0.5, 0.5), secondOrder: false },
  { name: "sum all", shapes: [[2, 3]], fn: (_, [a]) => T.sum(a) },
  { name: "sum dim", shapes: [[2, 3]], fn: (_, [a]) => T.sum(a, 1) },
  { name: "sum dims keepdim", shapes: [[2, 3, 2]], fn: (_, [a]) => T.sum(a, [0, 2], true) },
  { name: "mean all", shapes: [[2, 3]], fn: (_, [a]) => T.mean(a) },
  { name: "mean dim", shapes: [[2, 3]], fn: (_, [a]) => T.mean(a, 0) },
  { name: "max all", shapes: [[5]], fn: (_, [a]) => T.max(a) as T.Tensor, secondOrder: false },
  { name: "max dim", shapes: [[3, 4]], fn: (_, [a]) => (T.max(a, 1) as T.Tensor[])[0], secondOrder: false },
  { name: "min dim keepdim", shapes: [[3, 4]], fn: (_, [a]) => (T.min(a, 0, true) as T.Tensor[])[0], secondOrder: false },
  { name: "dot", shapes: [[4], [4]], fn: (_, [a, b]) => T.dot(a, b) },
  { name: "mv", shapes: [[3, 4], [4]], fn: (_, [a, b]) => T.mv(a, b) },
  { name: "mm", shapes: [[3, 4], [4, 2]], fn: (_, [a, b]) => T.mm(a, b) },
  { name: "bmm", shapes: [[2, 3, 4], [2, 4, 2]], fn: (_, [a, b]) => T.bmm(a, b) },
  { name: "matmul 1d@2d", shapes: [[3], [3, 2]], fn: (_, [a, b]) => T.matmul(a, b) },
  { name: "matmul batched broadcast", shapes: [[2, 3, 4], [4, 2]], fn: (_, [a, b]) => T.matmul(a, b) },
  { name: "matmul 3d@3d broadcast", shapes: [[1, 3, 4], [2, 4, 2]], fn: (_, [a, b]) => T.matmul(a, b) },
  { name: "t", shapes: [[2, 3]], fn: (_, [a]) => T.mul(T.tOp(a), T.tOp(a)) },
  { name: "transpose", shapes: [[2, 3, 2]], fn: (_, [a]) => T.mul(T.transpose(a, 0, 2), 2.0) },
  { name: "permute", shapes: [[2, 3, 2]], fn: (_, [a]) => T.exp(T.permute(a, [2, 0, 1])) },
  { name: "view", shapes: [[2, 3]], fn: (_, [a]) => T.exp(T.view(a, [3, 2])) },
  { name: "reshape of transpose", shapes: [[2, 3]], fn: (_, [a]) => T.exp(T.reshape(T.tOp(a), [6])) },
  { name: "unsqueeze/squeeze", shapes: [[3]], fn: (_, [a]) => T.exp(T.squeeze(T.unsqueeze(a, 0))) },
  { name: "expand", shapes: [[3, 1]], fn: (_, [a]) => T.exp(T.expand(a, [3, 4])) },
  { name: "select", shapes: [[3, 2]], fn: (_, [a]) => T.exp(T.select(a, 0, 1)) },
  { name: "slice step", shapes: [[5, 2]], fn: (_, [a]) => T.exp(T.slice(a, 0, 1, 5, 2)) },
  { name: "index", shapes: [[3, 4]], fn: (_, [a]) => T.exp(T.getItem(a, [{ kind: "slice", start: null, stop: null, step: null }, { kind: "int", value: -1 }])) },
  { name: "cat", shapes: [[2, 2], [1, 2]], fn: (_, [a, b]) => T.exp(T.cat([a, b], 0)) },
  { name: "stack", shapes: [[3], [3]], fn: (_, [a, b]) => T.exp(T.stack([a, b], 1)) },
  { name: "clone", shapes: [[3]], fn: (_, [a]) => T.exp(T.clone(a)) },
  { name: "where", shapes: [[4], [4]], fn: (_, [a, b]) => T.where(T.gt(a, 0.0), T.mul(a, b), T.exp(b)) },
  { name: "in-place mul_ on non-leaf", shapes: [[3], [3]], fn: (_, [a, b]) => T.mul_(T.mul(a, 2.0), b) },
  { name: "in-place add_ with alpha", shapes: [[3], [3]], fn: (_, [a, b]) => T.add_(T.mul(a, 1.5), b, 2.0) },
  { name: "tan", shapes: [[3]], fn: (_, [a]) => T.tan(T.mul(a, 0.3)) },
  { name: "asin", shapes: [[3]], fn: (_, [a]) => T.asin(T.mul(a, 0.3)) },
  { name: "acos", shapes: [[3]], fn: (_, [a]) => T.acos(T.mul(a, 0.3)) },
  { name: "atan", shapes: [[3]], fn: (_, [a]) => T.atan(a) },
  { name: "sinh", shapes: [[3]], fn: (_, [a]) => T.sinh(a) },
  { name: "cosh", shapes: [[3]], fn: (_, [a]) => T.cosh(a) },
  { name: "log2", shapes: [[3]], fn: (_, [a]) => T.log2(a), positive: true },
  { name: "log10", shapes: [[3]], fn: (_, [a]) => T.log10(a), positive: true },
  { name: "log1p", shapes: [[3]], fn: (_, [a]) => T.log1p(a), positive: true },
  { name: "expm1", shapes: [[3]], fn: (_, [a]) => T.expm1(a) },
  { name: "exp2", shapes: [[3]], fn: (_, [a]) => T.exp2(a) },
  { name: "rsqrt", shapes: [[3]], fn: (_, [a]) => T.rsqrt(a), positive: true },
  { name: "maximum", shapes: [[4], [4]], fn: (_, [a, b]) => T.maximum(a, b), secondOrder: false },
  { name: "minimum", shapes: [[4], [4]], fn: (_, [a, b]) => T.minimum(a, b), secondOrder: false },
  { name: "outer", shapes: [[3], [2]], fn: (_, [a, b]) => T.outer(a, b) },
  { name: "softmax", shapes: [[2, 3]], fn: (_, [a]) => T.softmax(a, 1) },
  { name: "log_softmax", shapes: [[2, 3]], fn: (_, [a]) => T.logSoftmax(a, 0) },
  { name: "logsumexp", shapes: [[2, 3]], fn: (_, [a]) => T.logsumexp(a, 1) },
  { name: "mse_loss", shapes: [[4], [4]], fn: (_, [a, b]) => T.mseLoss(a, b) },
  { name: "prod", shapes: [[4]], fn: (_, [a]) => T.prod(a) },
  { name: "prod dim", shapes: [[3, 4]], fn: (_, [a]) => T.prod(a, 1) },
  { name: "prod dim keepdim", shapes: [[3, 4]], fn: (_, [a]) => T.prod(a, 0, true) },
  { name: "prod with a zero", shapes: [[4]], fn: (rt, [a]) => T.prod(T.mul(a, f64(rt, [1, 0, 1, 1]))) },
  { name: "prod dim with a zero", shapes: [[2, 3]], fn: (rt, [a]) => T.prod(T.mul(a, f64(rt, [[1, 0, 1], [1, 1, 1]])), 1) },
  { name: "norm", shapes: [[4]], fn: (_, [a]) => T.vectorNorm(a) },
  { name: "norm dim", shapes: [[3, 4]], fn: (_, [a]) => T.vectorNorm(a, { dim: 1 }) },
  { name: "norm p=1 dims keepdim", shapes: [[2, 3, 2]], fn: (_, [a]) => T.vectorNorm(a, { p: 1, dim: [0, 2], keepdim: true }), secondOrder: false },
  { name: "norm p=3", shapes: [[2, 3]], fn: (_, [a]) => T.vectorNorm(a, { p: 3, dim: 0 }) },
  { name: "norm p=1.5", shapes: [[4]], fn: (_, [a]) => T.vectorNorm(a, { p: 1.5 }) },
  { name: "norm p=0.5", shapes: [[4]], fn: (_, [a]) => T.vectorNorm(a, { p: 0.5 }) },
  { name: "norm p=inf", shapes: [[2, 3]], fn: (_, [a]) => T.vectorNorm(a, { p: Infinity, dim: 1 }), secondOrder: false },
  { name: "var", shapes: [[5]], fn: (_, [a]) => T.variance(a) },
  { name: "var dim, correction 0", shapes: [[3, 4]], fn: (_, [a]) => T.variance(a, { dim: 1, correction: 0 }) },
  { name: "var dims keepdim", shapes: [[2, 3, 2]], fn: (_, [a]) => T.variance(a, { dim: [0, 2], keepdim: true }) },
  { name: "std", shapes: [[5]], fn: (_, [a]) => T.std(a) },
  { name: "std dim", shapes: [[3, 4]], fn: (_, [a]) => T.std(a, { dim: 0 }) },
  { name: "cumsum", shapes: [[2, 3]], fn: (_, [a]) => T.cumsum(a, 1) },
  { name: "nll_loss mean", shapes: [[3, 4]], fn: (rt, [a]) => T.nllLoss(a, idx(rt, [2, 0, 3])) },
  {
    name: "nll_loss sum, weight, ignore_index",
    shapes: [[3, 4]],
    fn: (rt, [a]) => T.nllLoss(a, idx(rt, [2, -100, 1]), { weight: f64(rt, [1, 2, 0.5, 3]), reduction: "sum" }),
  },
  { name: "nll_loss none", shapes: [[3, 4]], fn: (rt, [a]) => T.nllLoss(a, idx(rt, [1, 3, 0]), { reduction: "none" }) },
  { name: "nll_loss 4-d (nll_loss2d)", shapes: [[2, 3, 2, 2]], fn: (rt, [a]) => T.nllLoss(a, idx(rt, [[[0, 1], [2, -100]], [[1, 1], [0, 2]]])) },
  { name: "cross_entropy 3-d, none", shapes: [[2, 3, 2]], fn: (rt, [a]) => T.crossEntropy(a, idx(rt, [[0, 2], [1, 1]]), { reduction: "none" }) },
  { name: "cross_entropy", shapes: [[3, 4]], fn: (rt, [a]) => T.crossEntropy(a, idx(rt, [2, 0, 3])) },
  { name: "cross_entropy 1-d input", shapes: [[4]], fn: (rt, [a]) => T.crossEntropy(a, T.tensor(rt, 2n)) },
  { name: "cross_entropy probabilities", shapes: [[2, 3]], fn: (rt, [a]) => T.crossEntropy(a, f64(rt, [[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]])) },
  {
    name: "cross_entropy label_smoothing, weight, ignore_index",
    shapes: [[3, 4]],
    fn: (rt, [a]) => T.crossEntropy(a, idx(rt, [2, -100, 1]), { weight: f64(rt, [1, 2, 0.5, 3]), labelSmoothing: 0.2 }),
  },
  {
    name: "cross_entropy probabilities, weight, smoothing",
    shapes: [[2, 3]],
    fn: (rt, [a]) => T.crossEntropy(a, f64(rt, [[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]]), { weight: f64(rt, [1, 2, 0.5]), labelSmoothing: 0.1, reduction: "none" }),
  },
  { name: "masked_fill", shapes: [[2, 3]], fn: (rt, [a]) => T.maskedFill(a, mask(rt), 0.5) },
  { name: "masked_fill tensor value", shapes: [[2, 3], []], fn: (rt, [a, b]) => T.maskedFill(a, mask(rt), b) },
  { name: "masked_fill_ on non-leaf", shapes: [[2, 3], []], fn: (rt, [a, b]) => T.maskedFill_(T.mul(a, 1.5), mask(rt), b) },
  { name: "gather", shapes: [[2, 3]], fn: (rt, [a]) => T.gather(a, 1, idx(rt, [[0, 2], [1, 1]])) },
  { name: "index_select", shapes: [[3, 2]], fn: (rt, [a]) => T.indexSelect(a, 0, idx(rt, [2, 0, 2])) },
  { name: "scatter", shapes: [[2, 3], [2, 1]], fn: (rt, [a, b]) => T.scatter(a, 1, idx(rt, [[0], [2]]), b) },
  { name: "scatter value", shapes: [[2, 3]], fn: (rt, [a]) => T.scatterValue(a, 1, idx(rt, [[0], [2]]), 1.5) },
  { name: "scatter_add", shapes: [[2, 3], [2, 2]], fn: (rt, [a, b]) => T.scatterAdd(a, 1, idx(rt, [[0, 0], [2, 1]]), b) },
  { name: "tril", shapes: [[3, 3]], fn: (_, [a]) => T.mul(T.tril(a), a) },
  { name: "triu", shapes: [[2, 3, 3]], fn: (_, [a]) => T.mul(T.triu(a, 1), a) },
  { name: "split", shapes: [[4, 3]], fn: (_, [a]) => T.exp(T.split(a, 2, 0)[1]) },
  { name: "split with sizes", shapes: [[3, 3]], fn: (_, [a]) => { const [p, q] = T.splitWithSizes(a, [1, 2], 1); return T.mul(T.exp(p), T.sum(q)); } },
  { name: "chunk", shapes: [[2, 4]], fn: (_, [a]) => { const [p, q] = T.chunk(a, 2, 1); return T.mul(p, q); } },
  { name: "flip", shapes: [[2, 3]], fn: (_, [a]) => T.mul(T.flip(a, [0, 1]), a) },
  { name: "erf", shapes: [[3]], fn: (_, [a]) => T.erf(a) },
  { name: "addmm", shapes: [[3], [2, 4], [4, 3]], fn: (_, [b, m1, m2]) => T.addmm(b, m1, m2) },
  { name: "addmm beta alpha, column-major mat2", shapes: [[2, 3], [2, 4], [3, 4]], fn: (_, [b, m1, m2]) => T.addmm(b, m1, T.tOp(m2), 0.5, 2) },
  { name: "diag of vector", shapes: [[3]], fn: (_, [a]) => T.exp(T.diag(a, 1)) },
  { name: "diag of square matrix", shapes: [[3, 3]], fn: (_, [a]) => T.exp(T.diag(a)) },
  { name: "diag of non-square matrix", shapes: [[2, 3]], fn: (_, [a]) => T.exp(T.diag(a, -1)) },
  { name: "diagonal", shapes: [[3, 2]], fn: (_, [a]) => T.exp(T.diagonal(a)) },
  { name: "trace", shapes: [[2, 3]], fn: (_, [a]) => T.mul(T.trace(a), T.trace(a)) },
  { name: "cumprod", shapes: [[2, 3]], fn: (_, [a]) => T.cumprod(a, 1) },
  { name: "lerp", shapes: [[3], [3]], fn: (_, [a, b]) => T.mul(T.lerp(a, b, 0.3), T.lerp(a, b, 0.7)) },
  { name: "lerp tensor weight", shapes: [[3], [3], [3]], fn: (_, [a, b, w]) => T.lerp(a, b, w) },
  { name: "sort", shapes: [[2, 4]], fn: (_, [a]) => T.mul(T.sort(a, 1, true)[0], T.sort(a, 1)[0]) },
  { name: "topk", shapes: [[2, 5]], fn: (_, [a]) => T.exp(T.topk(a, 2)[0]) },
  // in-place on views: CopySlices on the base, AsStridedBackward0 for views made before the change
  { name: "copyslices: mul_ on a slice", shapes: [[3], [2]], fn: (_, [a, b]) => { const y = T.mul(a, 1.5); T.mul_(T.slice(y, 0, 1, null), b); return T.mul(y, a); } },
  { name: "copyslices: copy_ into a row", shapes: [[3, 2], [2]], fn: (_, [a, b]) => { const y = T.sin(a); T.copy_(T.select(y, 0, 1), b); return T.mul(y, y); } },
  {
    name: "copyslices: transposed column, earlier view regenerated",
    shapes: [[2, 3]],
    fn: (_, [a]) => {
      const y = T.mul(a, 2);
      const other = T.slice(y, 1, 1, null);
      T.mul_(T.select(T.tOp(y), 0, 0), T.sin(T.select(a, 1, 1)));
      return T.mul(T.exp(other), T.sum(y));
    },
  },
  { name: "copyslices: zero_ and fill_ through view of view", shapes: [[2, 3]], fn: (_, [a]) => { const y = T.sin(a); T.zero_(T.select(T.view(y, [6]), 0, 2)); T.fill_(T.slice(T.select(y, 0, 1), 0, 1, null), 0.5); return T.mul(y, a); } },
  { name: "copyslices: expanded view of a base changed in place", shapes: [[1, 3]], fn: (_, [a]) => { const y = T.mul(a, 1.5); const e = T.expand(y, [2, 3]); T.mul_(y, T.sin(a)); return T.mul(e, e); } },
  { name: "copyslices: base without grad", shapes: [[2]], fn: (rt, [a]) => { const z = T.zeros(rt, [4], { dtype: "float64" }); T.copy_(T.slice(z, 0, 1, 3), T.exp(a)); return T.mul(z, z); } },
  { name: "log_softmax_backward_data", shapes: [[2, 3], [2, 3]], fn: (_, [g, y]) => T.logSoftmaxBackwardData(g, y, 1) },
  { name: "softmax_backward_data", shapes: [[3, 2], [3, 2]], fn: (_, [g, y]) => T.softmaxBackwardData(g, y, 0) },
  { name: "scatter_ on non-leaf", shapes: [[2, 3], [2, 1]], fn: (rt, [a, b]) => T.scatter_(T.mul(a, 1.5), 1, idx(rt, [[0], [2]]), b) },
  { name: "scatter_ value on non-leaf", shapes: [[2, 3]], fn: (rt, [a]) => T.mul(T.scatter_(T.mul(a, 1.5), 1, idx(rt, [[0], [2]]), 0.5), a) },
  { name: "mlp layer", shapes: [[4, 3], [3, 2], [2]], fn: (_, [x, w, b]) => T.tanh(T.add(T.matmul(x, w), b)) },
  // in-place math: the out-of-place formula on x itself (a clone for self, x after the write for result)
  { name: "sin_ on non-leaf", shapes: [[3]], fn: (_, [a]) => T.mul(T.inplaceOf(T.mul(a, 1.5), "sin_", T.sin), a) },
  { name: "exp_ (saves result)", shapes: [[3]], fn: (_, [a]) => T.mul(T.inplaceOf(T.mul(a, 0.5), "exp_", T.exp), a) },
  { name: "tanh_ on a view", shapes: [[2, 3]], fn: (_, [a]) => { const b = T.mul(a, 0.7); T.inplaceOf(T.select(b, 0, 1), "tanh_", T.tanh); return T.mul(b, b); } },
  { name: "pow_ tensor exponent", shapes: [[3], [3]], fn: (_, [a, e]) => T.inplaceOf(T.mul(a, 1.0), "pow_", (t) => T.pow(t, e), [e]), positive: true },
  { name: "clamp_min_", shapes: [[4]], fn: (_, [a]) => T.mul(T.inplaceOf(T.mul(a, 1.0), "clamp_min_", (t) => T.clampMin(t, 0.9)), a), secondOrder: false },
  // advanced indexing: repeated indices add in backward; exp makes the second order depend on the input
  { name: "index with a list (repeats)", shapes: [[3, 4]], fn: (rt, [a]) => T.exp(T.getItem(a, [{ kind: "tensor", tensor: idx(rt, [2, 0, 2]) }, { kind: "slice", start: 1, stop: null, step: null }])) },
  { name: "index with two lists", shapes: [[3, 4]], fn: (rt, [a]) => T.exp(T.getItem(a, [{ kind: "tensor", tensor: idx(rt, [0, 2, 0]) }, { kind: "tensor", tensor: idx(rt, [3, -1, 3]) }])) },
  { name: "index split around a slice", shapes: [[2, 3, 4]], fn: (rt, [a]) => T.exp(T.getItem(a, [{ kind: "tensor", tensor: idx(rt, [1, 0]) }, { kind: "slice", start: null, stop: null, step: null }, { kind: "tensor", tensor: idx(rt, [3, 3]) }])) },
  { name: "index with a mask", shapes: [[3, 4]], fn: (rt, [a]) => T.exp(T.getItem(a, [{ kind: "tensor", tensor: mask34(rt) }])) },
  { name: "index_put", shapes: [[5], [3]], fn: (rt, [a, b]) => T.exp(T.indexPut(T.mul(a, a), [idx(rt, [4, 1, 3])], T.mul(b, b))) },
  { name: "index_put accumulate", shapes: [[5], [4]], fn: (rt, [a, b]) => T.exp(T.indexPut(T.mul(a, a), [idx(rt, [1, 1, 3, 1])], T.mul(b, b), true)) },
  { name: "index_put_ broadcast value", shapes: [[3, 4], [4]], fn: (rt, [a, b]) => T.exp(T.indexPut_(T.mul(a, a), [idx(rt, [0, 2])], T.mul(b, b))) },
  { name: "index_add alpha", shapes: [[3, 4], [3, 3]], fn: (rt, [a, b]) => T.sin(T.indexAdd(T.mul(a, a), 1, idx(rt, [3, 0, 3]), T.mul(b, b), 2)) },
  { name: "index_add_", shapes: [[4, 2], [2, 2]], fn: (rt, [a, b]) => T.exp(T.indexAdd_(T.mul(a, a), 0, idx(rt, [1, 1]), T.mul(b, b))) },
  { name: "index_fill tensor value", shapes: [[3, 4], []], fn: (rt, [a, b]) => T.exp(T.indexFill(T.mul(a, a), 1, idx(rt, [1, 3, 1]), T.mul(b, b))) },
  { name: "index_fill_ number", shapes: [[3, 4]], fn: (rt, [a]) => T.exp(T.indexFill_(T.mul(a, a), 0, idx(rt, [2]), 0.5)) },
  { name: "masked_scatter", shapes: [[3, 4], [8]], fn: (rt, [a, b]) => T.exp(T.maskedScatter(T.mul(a, a), mask34(rt), T.mul(b, b))) },
  { name: "masked_scatter broadcast self", shapes: [[4], [12]], fn: (rt, [a, b]) => T.exp(T.maskedScatter(T.mul(a, a), mask34(rt), T.mul(b, b))) },
  { name: "masked_select", shapes: [[3, 4]], fn: (rt, [a]) => T.exp(T.maskedSelect(T.mul(a, a), mask34(rt))) },
  { name: "take (repeats)", shapes: [[3, 4]], fn: (rt, [a]) => T.exp(T.take(T.mul(a, a), idx(rt, [[11, 0], [-1, 5]]))) },
  { name: "put accumulate", shapes: [[2, 3], [3]], fn: (rt, [a, b]) => T.exp(T.put(T.mul(a, a), idx(rt, [5, 0, 5]), T.mul(b, b), true)) },
  { name: "put_", shapes: [[2, 3], [2]], fn: (rt, [a, b]) => T.exp(T.put_(T.mul(a, a), idx(rt, [4, 1]), T.mul(b, b))) },
];


const idx = (rt: T.Runtime, v: T.NestedData): T.Tensor => T.tensor(rt, v, { dtype: "int64" });
const f64 = (rt: T.Runtime, v: T.NestedData): T.Tensor => T.tensor(rt, v, { dtype: "float64" });
/** a fixed 3x4 bool mask with two thirds of its elements set */
const mask34 = (rt: T.Runtime): T.Tensor => T.reshape(T.tensor(rt, Array.from({ length: 12 }, (_, i) => i % 3 !== 1)), [3, 4]);
const mask = (rt: T.Runtime): T.Tensor => T.tensor(rt, [[true, false, true], [false, false, true]]);

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function inputsFor(rt: T.Runtime, c: Case, rand: () => number): T.Tensor[] {
  return c.shapes.map((shape) => {
    const n = shape.reduce((p, q) => p * q, 1);
    // values well apart from each other so max/min ties and relu/abs kinks stay away
    const vals = Array.from({ length: n }, (_, i) => {
      const v = 0.3 + 0.9 * rand() + 0.11 * i;
      return c.positive ? v : rand() < 0.5 ? -v : v;
    });
    return T.requiresGrad_(T.reshape(T.tensor(rt, vals, { dtype: "float64" }), shape));
  });
}

/** d(sum(f(xs) * w))/dxs by central differences */
function numericGrad(rt: T.Runtime, f: (xs: T.Tensor[]) => number, xs: T.Tensor[], eps = 1e-6): number[][] {
  return xs.map((x) =>
    Array.from({ length: x.numel }, (_, i) => {
      const data = x.storage.data;
      const old = data[i];
      data[i] = old + eps;
      const up = f(xs);
      data[i] = old - eps;
      const down = f(xs);
      data[i] = old;
      return (up - down) / (2 * eps);
    }),
  );
}

function weightedSum(rt: T.Runtime, out: T.Tensor, w: number[]): number {
  const v = out.values();
  return v.reduce((s, x, i) => s + x * w[i], 0);
}

describe("gradients match finite differences (float64)", () => {
  for (const c of cases) {
    it(`${c.name}: first order`, () => {
      const rt = new T.Runtime();
      const rand = seeded(c.name.length * 7919);
      const xs = inputsFor(rt, c, rand);
      const probe = rt.noGrad(() => c.fn(rt, xs));
      const w = Array.from({ length: probe.numel }, () => rand() - 0.5);
      const out = c.fn(rt, xs);
      const wt = T.reshape(T.tensor(rt, w, { dtype: "float64" }), out.shape);
      const analytic = T.grad(rt, [T.sum(T.mul(out, wt))], xs);
      const numeric = numericGrad(rt, (ys) => rt.noGrad(() => weightedSum(rt, c.fn(rt, ys), w)), xs);
      analytic.forEach((g, k) => {
        expect(g, `input ${k} got no gradient`).not.toBeNull();
        g!.values().forEach((v, i) => expect(v).toBeCloseTo(numeric[k][i], 5));
      });
    });
    if (c.secondOrder === false) continue;
    it(`${c.name}: second order (create_graph)`, () => {
      const rt = new T.Runtime();
      const rand = seeded(c.name.length * 104729);
      const xs = inputsFor(rt, c, rand);
      const probe = rt.noGrad(() => c.fn(rt, xs));
      const w = Array.from({ length: probe.numel }, () => rand() - 0.5);
      const v = xs.map((x) => Array.from({ length: x.numel }, () => rand() - 0.5));
      // h(xs) = sum_k <grad_k(xs), v_k>, whose gradient is the Hessian-vector product
      const h = (ys: T.Tensor[], createGraph: boolean): T.Tensor => {
        const out = c.fn(rt, ys);
        const wt = T.reshape(T.tensor(rt, w, { dtype: "float64" }), out.shape);
        const gs = T.grad(rt, [T.sum(T.mul(out, wt))], ys, { createGraph, allowUnused: true });
        let total: T.Tensor = T.tensor(rt, 0.0, { dtype: "float64" });
        gs.forEach((g, k) => {
          if (g) total = T.add(total, T.sum(T.mul(g, T.reshape(T.tensor(rt, v[k], { dtype: "float64" }), g.shape))));
        });
        return total;
      };
      const hv = h(xs, true);
      const analytic = hv.requiresGrad ? T.grad(rt, [hv], xs, { allowUnused: true }) : xs.map(() => null);
      const numeric = numericGrad(rt, (ys) => T.item(h(ys, false)) as number, xs);
      analytic.forEach((g, k) => {
        const got = g ? g.values() : new Array<number>(xs[k].numel).fill(0);
        got.forEach((val, i) => expect(val).toBeCloseTo(numeric[k][i], 4));
      });
    });
  }
});
