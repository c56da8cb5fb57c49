// torch.nn.functional.binary_cross_entropy_with_logits (BinaryCrossEntropyWithLogitsBackward0):
// ATen's formula step by step in the tensor's dtype, so float32 digits match —
// loss = (1 - t)·x + m + log(exp(-m) + exp(-x - m)) with m = max(-x, 0), times weight, reduced;
// its gradient (sigmoid(x) - t)·grad, times weight, over numel for 'mean'.
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { add, div, mul, neg, rsub, sub } from "./arith.ts";
import { mean, sum } from "./reduce.ts";
import { clamp, exp, log, sigmoid } from "./unary.ts";

export interface BceWithLogitsOptions {
  weight?: Tensor | null;
  posWeight?: Tensor | null;
  reduction?: "mean" | "sum" | "none";
}

function reduce(loss: Tensor, reduction: string): Tensor {
  return reduction === "mean" ? mean(loss) : reduction === "sum" ? sum(loss) : loss;
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
    const maxVal = clamp(neg(input), 0);
    const softplus = log(add(exp(neg(maxVal)), exp(sub(neg(input), maxVal))));
    let loss: Tensor;
    if (posWeight) {
      const logWeight = add(mul(sub(posWeight, 1), target), 1);
      loss = add(mul(rsub(target, 1), input), mul(logWeight, add(softplus, maxVal)));
    } else loss = add(add(mul(rsub(target, 1), input), maxVal), softplus);
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
      const x = node.unpack("self");
      const t = node.unpack("target");
      let grad: Tensor;
      if (posWeight) {
        const pt = mul(node.unpack("pos_weight"), t);
        grad = mul(sub(mul(sub(add(pt, 1), t), sigmoid(x)), pt), g!);
      } else grad = mul(sub(sigmoid(x), t), g!);
      if (weight) grad = mul(grad, node.unpack("weight"));
      return [reduction === "mean" ? div(grad, x.numel) : grad, null];
    },
  });
}
