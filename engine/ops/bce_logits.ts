// torch.nn.functional.binary_cross_entropy_with_logits (BinaryCrossEntropyWithLogitsBackward0):
// ATen 2.6's formula step by step in the tensor's dtype, so float32 digits match —
// loss = (1 - t)·x - log_sigmoid(x) (log_sigmoid times 1 + (pos_weight - 1)·t when given), times
// weight, reduced; its gradient (sigmoid(x) - t)·grad, times weight, over numel for 'mean'.
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { add, divScalar, mul, rsub, sub } from "./arith.ts";
import { unaryMap } from "./kernel.ts";
import { mean, sum } from "./reduce.ts";
import { sigmoid } from "./unary.ts";
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
      const x = node.unpack("self");
      const t = node.unpack("target");
      let grad: Tensor;
      if (posWeight) {
        const pt = mul(node.unpack("pos_weight"), t);
        grad = mul(sub(mul(sub(add(pt, 1), t), sigmoid(x)), pt), g!);
      } else grad = mul(sub(sigmoid(x), t), g!);
      if (weight) grad = mul(grad, node.unpack("weight"));
      return [reduction === "mean" ? divScalar(grad, BigInt(x.numel)) : grad, null];
    },
  });
}
