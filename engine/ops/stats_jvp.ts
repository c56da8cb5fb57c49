// The tangents of prod, var, std and the vector norms, as derivatives.yaml's result: lines and
// FunctionsManual's norm_jvp write them, each op in ATen's order: prod's is prod_backward with a
// gradient of ones, times the tangent, summed; var's is var_backward(self_t, self_p, dim,
// correction, keepdim=true) summed over dim; std's var's divided by 2·result (0 where result is 0).
import type { Tensor } from "../tensor.ts";
import { fromValues } from "../tensor.ts";
import { div, mul, mulScalar, pow } from "./arith.ts";
import { eq, logicalAnd, logicalOr, ne } from "./compare.ts";
import { castTo } from "./inplace.ts";
import { maskedFill } from "./masked.ts";
import { isnan } from "./math_extra.ts";
import { sum } from "./reduce.ts";
import { created } from "./create.ts";
import { abs, sgn, zerosLikeT } from "./unary.ts";
import { expand, unsqueeze } from "./views.ts";

/** .sum(dim, keepdim) where an empty or missing dim list reduces every element */
function sumOver(t: Tensor, dims: number[] | null, keepdim: boolean): Tensor {
  if (dims === null || dims.length === 0) return keepdim ? sum(t, t.shape.map((_, i) => i), true) : sum(t);
  return sum(t, dims, keepdim);
}

/** (prod_backward(ones({}).expand_as(result), self_p, result[, dim, keepdim]) * self_t).sum([dim, keepdim]) */
export function prodJvp(
  self: Tensor,
  result: Tensor,
  tangent: Tensor,
  dim: number | null,
  keepdim: boolean,
  prodBackward: (grad: Tensor, input: Tensor, result: Tensor, dim: number | null, keepdim: boolean) => Tensor,
): Tensor {
  const one = expand(created(fromValues(result.rt, [1], [], result.dtype), "ones"), result.shape.slice());
  const grad = prodBackward(one, self, result, dim, keepdim);
  return dim === null ? sum(mul(grad, tangent)) : sum(mul(grad, tangent), dim, keepdim);
}

/** var: var_backward(self_t, self_p, dim, correction, keepdim=true).sum(dim, keepdim) */
export function varJvp(
  self: Tensor,
  tangent: Tensor,
  dims: number[] | null,
  keepdim: boolean,
  varBackward: (grad: Tensor, self: Tensor, dims: number[] | null, keepdim: boolean) => Tensor,
): Tensor {
  return sumOver(varBackward(tangent, self, dims, true), dims, keepdim);
}

/** std: (var's tangent / (2. * result)).masked_fill_(result == 0, 0) */
export const stdJvp = (varTangent: Tensor, result: Tensor): Tensor => maskedFill(div(varTangent, mulScalar(result, 2)), eq(result, 0), 0);

/** unsqueeze_multiple(t, dims): a list of dims that is empty leaves t as it is */
function unsqueezeDims(t: Tensor, dims: number[]): Tensor {
  let r = t;
  for (const d of [...dims].sort((a, b) => a - b)) r = unsqueeze(r, d);
  return r;
}

/** FunctionsManual's norm_jvp for linalg_vector_norm (dims: [] when every element is reduced) */
export function normJvp(self: Tensor, tangent: Tensor, p: number, norm: Tensor, dims: number[], keepdim: boolean): Tensor {
  const summed = (t: Tensor) => sumOver(t, dims, keepdim);
  if (p === 0) return zerosLikeT(norm);
  if (p === 1) return summed(mul(sgn(self), tangent));
  if (p === 2) {
    const r = summed(mul(self, tangent));
    return maskedFill(div(r, norm), eq(norm, 0), 0);
  }
  if (!Number.isFinite(p)) {
    const n = !keepdim && self.dim() !== 0 ? unsqueezeDims(norm, dims) : norm;
    const bothNan = logicalAnd(isnan(self), isnan(n));
    const isEqMax = castTo(logicalOr(eq(abs(self), n), bothNan), n.dtype);
    let nbMax = sumOver(ne(isEqMax, 0), dims, false);
    if (self.dim() !== 0) nbMax = unsqueezeDims(nbMax, dims);
    return summed(div(mul(mul(sgn(self), tangent), isEqMax), nbMax));
  }
  if (p < 1) {
    const sumpow = summed(mul(maskedFill(pow(abs(self), p - 1), eq(self, 0), 0), mul(sgn(self), tangent)));
    return mul(sumpow, pow(norm, 1 - p));
  }
  const sumpow = p < 2 ? summed(mul(pow(abs(self), p - 1), mul(sgn(self), tangent))) : summed(mul(pow(abs(self), p - 2), mul(self, tangent)));
  return maskedFill(div(sumpow, pow(norm, p - 1)), eq(norm, 0), 0);
}

