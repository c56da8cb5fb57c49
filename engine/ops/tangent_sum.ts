// The sums in tangent formulas (derivatives.yaml's `A_t * B_p + A_p * B_t`), where an input
// without a tangent stands for PyTorch's efficient zero tensor: adding it copies the other term
// out to the output's shape (add_zerotensor) rather than adding zeros (so -0 stays -0), under the
// formula's own node (AddBackward0) when what the zero term read requires grad.
import { record } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { add } from "./arith.ts";
import { expand } from "./views.ts";
import { sumTo } from "./reduce.ts";
import { zerosLikeT } from "./unary.ts";

/** one term of a tangent sum: its value when the input's tangent exists, and what it reads of the
 *  primals (its node's inputs when it is PyTorch's zero tensor instead) */
export interface Term {
  value: (() => Tensor) | null;
  reads: Tensor[];
}

export const term = (tangent: Tensor | null, value: (t: Tensor) => Tensor, ...reads: Tensor[]): Term => ({
  value: tangent ? () => value(tangent) : null,
  reads,
});

/** a term ATen computes on materialized zeros when the input has no tangent (its op has no
 *  ZeroTensor kernel: mm, tanh_backward, where...), so it adds a real +0 */
export const dense = (tangent: Tensor | null, like: Tensor, value: (t: Tensor) => Tensor): Term => ({
  value: () => value(tangent ?? zerosLikeT(like)),
  reads: [],
});

/** the sum of the terms present, each missing one an efficient zero */
export function tangentSum(shape: number[], terms: Term[], gradFn = "AddBackward0", combine: (a: Tensor, b: Tensor) => Tensor = add): Tensor {
  const present = terms.filter((t) => t.value !== null).map((t) => t.value!());
  const zeroReads = terms.filter((t) => t.value === null).flatMap((t) => t.reads);
  if (present.length === 0) throw new Error("internal: a tangent sum without a tangent");
  let acc = present[0];
  for (let i = 1; i < present.length; i++) acc = combine(acc, present[i]);
  return present.length === terms.length ? acc : copiedOut(acc, shape, zeroReads, gradFn);
}

/** add_zerotensor: the term's values expanded to the output's shape, in a new tensor */
export function copiedOut(t: Tensor, shape: number[], zeroReads: Tensor[], gradFn = "AddBackward0"): Tensor {
  const src = t.shape.join() === shape.join() ? t : t.rt.internally(() => expand(t, shape));
  const out = fromValues(t.rt, src.values(), shape.slice(), t.dtype);
  const reads = zeroReads.filter((r) => r.requiresGrad);
  const tShape = t.shape.slice();
  return record(out, {
    op: gradFn === "SubBackward0" ? "sub" : "add",
    gradFn,
    inputs: [t, ...reads],
    backward: ([g]) => [sumTo(g!, tShape), ...reads.map((r) => zerosLikeT(r))],
  });
}
