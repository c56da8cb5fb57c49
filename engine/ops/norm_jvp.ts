// The tangents of layer_norm and batch_norm (derivatives.yaml's result0: layer_norm_jvp and
// batch_norm_jvp), as FunctionsManual writes them for a defined input tangent: the normalized
// input's tangent (x_t - mean(x_t))·invstd + (x - mean)·invstd_t with
// invstd_t = sum((x_t - mean(x_t))·(x - mean)·-invstd³)/numel, then the affine part
// (·weight + (x - mean)·invstd·weight_t, + bias_t), each op in ATen's order so each rounds as there.
// A missing input tangent is PyTorch's zero tensor: the normalized part is zeros then.
import type { Tensor } from "../tensor.ts";
import { add, addScalar, divScalar, mul, neg, pow, sub } from "./arith.ts";
import { mean, sum } from "./reduce.ts";
import { sqrt, zerosLikeT } from "./unary.ts";
import { view } from "./views.ts";
import { div } from "./arith.ts";

/** _norm_jvp: the tangent of (x - mean)·invstd over dims, mean and invstd of the primal given */
function normalizedTangent(x: Tensor, xt: Tensor, meanP: Tensor, invstd: Tensor, dims: number[], numel: number): Tensor {
  const centredT = () => sub(xt, mean(xt, dims, true));
  let invstdT = mul(mul(centredT(), sub(x, meanP)), neg(pow(invstd, 3)));
  invstdT = divScalar(sum(invstdT, dims, true), numel);
  return add(mul(centredT(), invstd), mul(sub(x, meanP), invstdT));
}

/** _affine_jvp: result_t·weight + result_p·weight_t, + bias_t (weight and bias viewed to broadcast) */
function affineTangent(
  resultT: Tensor,
  resultP: () => Tensor,
  weight: Tensor | null,
  weightT: Tensor | null,
  biasT: Tensor | null,
  shape: number[],
): Tensor {
  let r = resultT;
  if (weight) {
    r = mul(r, view(weight, shape));
    if (weightT) r = add(r, mul(resultP(), view(weightT, shape)));
  }
  if (biasT) r = add(r, view(biasT, shape));
  return r;
}

export function layerNormJvp(
  x: Tensor,
  normalizedDims: number,
  weight: Tensor | null,
  saveMean: Tensor,
  saveRstd: Tensor,
  [xt, wt, bt]: (Tensor | null)[],
): Tensor {
  const n = x.dim();
  const statShape = x.shape.map((s, i) => (i < n - normalizedDims ? s : 1));
  const affineShape = x.shape.map((s, i) => (i < n - normalizedDims ? 1 : s));
  const dims = statShape.map((_, i) => i).filter((i) => i >= n - normalizedDims);
  const numel = dims.reduce((p, i) => p * x.shape[i], 1);
  const meanP = view(saveMean, statShape);
  const invstd = view(saveRstd, statShape);
  const resultT = xt ? normalizedTangent(x, xt, meanP, invstd, dims, numel) : zerosLikeT(x);
  return affineTangent(resultT, () => mul(sub(x, meanP), invstd), weight, wt, bt, affineShape);
}

export function batchNormJvp(
  x: Tensor,
  o: { weight: Tensor | null; runningMean: Tensor | null; runningVar: Tensor | null; training: boolean; eps: number },
  saveMean: Tensor,
  saveInvstd: Tensor,
  [xt, wt, bt]: (Tensor | null)[],
): Tensor {
  const shape = x.shape.map((s, i) => (i === 1 ? s : 1));
  const dims = x.shape.map((_, i) => i).filter((i) => i !== 1);
  const numel = dims.reduce((p, i) => p * x.shape[i], 1);
  let meanP: Tensor;
  let invstd: Tensor;
  let resultT: Tensor;
  if (o.training) {
    meanP = view(saveMean, shape);
    invstd = view(saveInvstd, shape);
    resultT = xt ? normalizedTangent(x, xt, meanP, invstd, dims, numel) : zerosLikeT(x);
  } else {
    meanP = view(o.runningMean!, shape);
    invstd = view(div(1, sqrt(addScalar(o.runningVar!, o.eps))), shape);
    resultT = mul(xt ?? zerosLikeT(x), invstd);
  }
  return affineTangent(resultT, () => mul(sub(x, meanP), invstd), o.weight, wt, bt, shape);
}
