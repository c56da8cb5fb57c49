// Classification losses: nll_loss (NllLossBackward0, summed with ATen's cascade so float32
// digits match) and cross_entropy = nll_loss(log_softmax(x, class_dim)), plus cross_entropy
// with class-probability targets, composed from ops exactly as ATen composes it.
import { atenTypeName } from "../dtype.ts";
import { indexError, runtimeError, valueError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { divScalar, mul, neg } from "./arith.ts";
import { logSoftmax } from "./nn.ts";
import { sum } from "./reduce.ts";
import { zerosLikeT } from "./unary.ts";

export type Reduction = "mean" | "sum" | "none";

export interface NllOptions {
  weight?: Tensor | null;
  reduction?: Reduction;
  ignoreIndex?: number;
}

/** nll_loss_nd's checks, then nll_loss's own (input 1-D or 2-D, class-index target) */
function checkNll(input: Tensor, target: Tensor, weight: Tensor | null): void {
  if (input.dim() < 1) throw valueError(`Expected 1 or more dimensions (got ${input.dim()})`);
  if (input.dim() !== 1 && input.shape[0] !== (target.shape[0] ?? 1))
    throw valueError(`Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0] ?? 1}).`);
  if (input.dim() > 2) throw runtimeError("nll_loss over images (input with more than 2 dims) is not in the Gradlens engine yet");
  if (target.dtype !== "int64") throw runtimeError(`expected scalar type Long but found ${atenTypeName(target.dtype)}`);
  if (target.dim() > 1) throw runtimeError("0D or 1D target tensor expected, multi-target not supported");
  if (input.dim() === 1 && target.dim() !== 0 && input.shape[0] !== target.shape[0])
    throw runtimeError(`size mismatch (got input: [${input.shape.join(", ")}], target: [${target.shape.join(", ")}])`);
  const classes = input.shape[input.dim() - 1];
  if (weight && (weight.dim() !== 1 || weight.numel !== classes))
    throw runtimeError(`weight tensor should be defined either for all ${classes} classes or no classes but got weight tensor of shape: [${weight.shape.join(", ")}]`);
}

interface NllForward {
  output: number[];
  totalWeight: number;
}

/** ATen's nll_loss_out_frame: per-row losses, or a sum with its 8-level cascade (level step 16) */
function nllForward(input: Tensor, target: Tensor, weight: Tensor | null, reduction: Reduction, ignore: number): NllForward {
  const r = input.dtype === "float32" ? Math.fround : (v: number) => v;
  const x = input.values();
  const t = target.values();
  const w = weight ? weight.values() : null;
  const classes = input.shape[input.dim() - 1];
  const batch = input.dim() === 1 ? 1 : input.shape[0];
  const check = (c: number) => {
    if (c < 0 || c >= classes) throw indexError(`Target ${c} is out of bounds.`);
  };
  if (reduction === "none" && input.dim() === 2) {
    const output = t.map((c, i) => {
      if (c === ignore) return 0;
      check(c);
      return r(-x[i * classes + c] * (w ? w[c] : 1));
    });
    return { output, totalWeight: 0 };
  }
  const levels = 8;
  const loss = new Array<number>(levels).fill(0);
  const wsum = new Array<number>(levels).fill(0);
  let ignored = 0;
  for (let b = 0; b < batch; b++) {
    const c = t[b];
    if (c === ignore) {
      ignored++;
      continue;
    }
    check(c);
    const data = x[b * classes + c];
    if (w) {
      loss[0] = r(loss[0] - r(data * w[c]));
      wsum[0] = r(wsum[0] + w[c]);
    } else loss[0] = r(loss[0] - data);
    for (let j = 0; j + 1 < levels; j++) {
      if ((b & (15 * 16 ** j)) !== 0) break;
      wsum[j + 1] = r(wsum[j + 1] + wsum[j]);
      loss[j + 1] = r(loss[j + 1] + loss[j]);
      wsum[j] = 0;
      loss[j] = 0;
    }
  }
  const totalWeight = w ? wsum.reduce((a, v) => r(a + v), 0) : batch - ignored;
  let out = loss.reduce((a, v) => r(a + v), 0);
  if (reduction === "mean") out = r(out / totalWeight);
  return { output: [out], totalWeight };
}

/** F.nll_loss(input, target): input holds log-probabilities, (C) or (N, C); target class indices */
export function nllLoss(input: Tensor, target: Tensor, opts: NllOptions = {}): Tensor {
  const weight = opts.weight ?? null;
  const reduction = opts.reduction ?? "mean";
  const ignore = opts.ignoreIndex ?? -100;
  checkNll(input, target, weight);
  const { output, totalWeight } = nllForward(input, target, weight, reduction, ignore);
  const perRow = reduction === "none" && input.dim() === 2;
  const out = fromValues(input.rt, output, perRow ? [input.shape[0]] : [], input.dtype);
  const total = created(fromValues(input.rt, [totalWeight], [], input.dtype), "total_weight");
  const save: Record<string, Tensor> = { self: input, target, total_weight: total };
  if (weight) save.weight = weight;
  return record(out, {
    op: "nll_loss",
    gradFn: "NllLossBackward0",
    inputs: [input],
    save,
    eventInputs: weight ? [input, target, weight] : [input, target],
    backward: ([g], node) => [
      nllLossBackward(g!, node.unpack("self"), node.unpack("target"), weight ? node.unpack("weight") : null, reduction, ignore, node.unpack("total_weight")),
    ],
  });
}

/** nll_loss_backward: -grad (over total_weight for mean, times the class weight) at each target */
export function nllLossBackward(
  grad: Tensor,
  self: Tensor,
  target: Tensor,
  weight: Tensor | null,
  reduction: Reduction,
  ignore: number,
  totalWeight: Tensor,
): Tensor {
  const r = self.dtype === "float32" ? Math.fround : (v: number) => v;
  const classes = self.shape[self.dim() - 1];
  const t = target.values();
  const w = weight ? weight.values() : null;
  const out = new Array<number>(self.numel).fill(0);
  const gv = grad.values();
  if (reduction === "none" && self.dim() === 2) {
    t.forEach((c, i) => {
      if (c !== ignore) out[i * classes + c] = r(-(w ? w[c] : 1) * gv[i]);
    });
  } else {
    const g = -(reduction === "mean" ? r(gv[0] / totalWeight.at(0)) : gv[0]);
    t.forEach((c, i) => {
      if (c !== ignore) out[i * classes + c] = w ? r(w[c] * g) : g;
    });
  }
  const save: Record<string, Tensor> = { target, total_weight: totalWeight };
  if (weight) save.weight = weight;
  return record(fromValues(self.rt, out, self.shape.slice(), self.dtype), {
    op: "nll_loss_backward",
    gradFn: "NllLossBackwardBackward0",
    inputs: [grad, self],
    save,
    backward: ([gg], node) => [
      grad.requiresGrad ? nllLoss(gg!, node.unpack("target"), { weight: weight ? node.unpack("weight") : null, reduction, ignoreIndex: ignore }) : null,
      self.requiresGrad ? zerosLikeT(gg!) : null,
    ],
  });
}

export interface CrossEntropyOptions extends NllOptions {
  labelSmoothing?: number;
}

/** F.cross_entropy: class indices -> nll_loss(log_softmax); class probabilities -> -(log_softmax * target).sum... */
export function crossEntropy(input: Tensor, target: Tensor, opts: CrossEntropyOptions = {}): Tensor {
  if (opts.labelSmoothing) throw runtimeError("cross_entropy with label_smoothing is not in the Gradlens engine yet");
  const classDim = input.dim() === 1 ? 0 : 1;
  const probabilities = target.shape.join() === input.shape.join() && (target.dtype === "float32" || target.dtype === "float64");
  if (!probabilities) {
    return nllLoss(logSoftmax(input, classDim), target, opts);
  }
  if (opts.weight) throw runtimeError("cross_entropy with class weights and probability targets is not in the Gradlens engine yet");
  const logp = logSoftmax(input, classDim);
  const reduction = opts.reduction ?? "mean";
  if (reduction === "none") return neg(sum(mul(logp, target), classDim));
  const total = neg(sum(mul(logp, target)));
  return reduction === "sum" ? total : divScalar(total, BigInt(input.numel / input.shape[classDim]));
}
