// torch.nn.functional.binary_cross_entropy_with_logits (BinaryCrossEntropyWithLogitsBackward0):
// ATen 2.6's formula step by step in the tensor's dtype, so float32 digits match —
// loss = (1 - t)·x - log_sigmoid(x) (log_sigmoid times 1 + (pos_weight - 1)·t when given), times
// weight, reduced; its gradient (sigmoid(x) - t)·grad, times weight, over numel for 'mean'.
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { add, divScalar, mul, neg, rsub, sub } from "./arith.ts";
import { noTangentFormula } from "../autograd/forward_ad.ts";
import { unaryMap } from "./kernel.ts";
import { mean, sum } from "./reduce.ts";
import { sigmoid, zerosLikeT } from "./unary.ts";
import { expf, log1pf } from "./sleef/float32.ts";
import { exp as exp64 } from "./sleef/float64.ts";

export interface BceWithLogitsOptions {
  weight?: Tensor | null;
  posWeight?: Tensor | null;
  reduction?: "mean" | "sum" | "none";
}

/** ATen's log_sigmoid kernel: min(x, 0) - log1p(exp(-|x|)), SLEEF's vector functions on every element */
function logSigmoid(x: Tensor): Tensor {
  const fn =
    x.dtype === "float64"
      ? (v: number) => Math.min(v, 0) - Math.log1p(exp64(-Math.abs(v)))
      : (v: number) => Math.fround(Math.min(v, 0) - log1pf(expf(-Math.abs(v))));
  return unaryMap(x, x.dtype, fn);
}

function reduce(loss: Tensor, reduction: string): Tensor {
  return reduction === "mean" ? mean(loss) : reduction === "sum" ? sum(loss) : loss;
}

/** binary_cross_entropy_with_logits_backward: (sigmoid(x) - t)·grad (with pos_weight:
 *  ((pos_weight·t + 1 - t)·sigmoid(x) - pos_weight·t)·grad), times weight, over numel for 'mean' */
function inputGrad(g: Tensor, x: Tensor, t: Tensor, weight: Tensor | null, posWeight: Tensor | null, reduction: string): Tensor {
  let grad: Tensor;
  if (posWeight) {
    const pt = mul(posWeight, t);
    grad = mul(sub(mul(sub(add(pt, 1), t), sigmoid(x)), pt), g);
  } else grad = mul(sub(sigmoid(x), t), g);
  if (weight) grad = mul(grad, weight);
  return reduction === "mean" ? divScalar(grad, BigInt(x.numel)) : grad;
}

export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor, opts: BceWithLogitsOptions = {}): Tensor {
  const reduction = opts.reduction ?? "mean";
  const weight = opts.weight ?? null;
  const posWeight = opts.posWeight ?? null;
  if (target.shape.join() !== input.shape.join())
    throw runtimeError(
      `Target size (torch.Size([${target.shape.join(", ")}])) must be the same as input size (torch.Size([${input.shape.join(", ")}]))`,
    );
  if (target.requiresGrad) throw runtimeError("binary_cross_entropy_with_logits with a target that requires grad is not in the Gradlens engine yet");
  const value = input.rt.internally(() => {
    let logSig = logSigmoid(input);
    if (posWeight) logSig = mul(logSig, add(mul(sub(posWeight, 1), target), 1));
    let loss = sub(mul(rsub(target, 1), input), logSig);
    if (weight) loss = mul(loss, weight);
    return reduce(loss, reduction);
  });
  const out = fromValues(input.rt, value.values(), value.shape.slice(), value.dtype);
  const save: Record<string, Tensor> = { self: input, target };
  if (weight) save.weight = weight;
  if (posWeight) save.pos_weight = posWeight;
  return record(out, {
    op: "binary_cross_entropy_with_logits",
    gradFn: "BinaryCrossEntropyWithLogitsBackward0",
    inputs: [input, target],
    save,
    backward: ([g], node) => {
      const [w, pw] = [weight ? node.unpack("weight") : null, posWeight ? node.unpack("pos_weight") : null];
      return [inputGrad(g!, node.unpack("self"), node.unpack("target"), w, pw, reduction), null];
    },
    // apply_loss_reduction(X_backward(self_t, ...) + X_target_backward(target_t, ...), reduction); a
    // missing target tangent makes the second term PyTorch's zero tensor
    jvp: ([tx, tt]) => {
      const rt = input.rt;
      if (rt.gradEnabled && (input.requiresGrad || !!tx?.requiresGrad || !!tt?.requiresGrad))
        throw noTangentFormula("binary_cross_entropy_with_logits of a tensor that requires grad (forward over reverse)");
      if (tt && posWeight) throw noTangentFormula("binary_cross_entropy_with_logits with pos_weight and a target tangent");
      return rt.internally(() => {
        let t = inputGrad(tx ?? zerosLikeT(input), input, target, weight, posWeight, "none");
        if (tt) {
          const targetTerm = mul(neg(input), tt);
          t = add(t, weight ? mul(targetTerm, weight) : targetTerm);
        } else if (!tx) t = zerosLikeT(input);
        return reduce(t, reduction);
      });
    },
  });
}
