// Classification losses: nll_loss (NllLossBackward0; NllLoss2DBackward0 for (N, C, d1, ...)
// inputs, summed with ATen's cascade so float32 digits match) and cross_entropy = nll_loss(log_softmax(x, class_dim)), plus cross_entropy
// with class-probability targets, composed from ops exactly as ATen composes it.
import { atenTypeName, isFloating } from "../dtype.ts";
import { indexError, runtimeError, valueError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { add, div, divScalar, mul, mulScalar, neg } from "./arith.ts";
import { eq, logicalNot } from "./compare.ts";
import { indexSelect } from "./gather_scatter.ts";
import { maskedFill, maskedFill_ } from "./masked.ts";
import { logSoftmax } from "./nn.ts";
import { sum } from "./reduce.ts";
import { zerosLikeT } from "./unary.ts";
import { contiguous } from "./index_ops.ts";
import { reshape, view } from "./views.ts";

export type Reduction = "mean" | "sum" | "none";

export interface NllOptions {
  weight?: Tensor | null;
  reduction?: Reduction;
  ignoreIndex?: number;
}

/** the first checks of nll_loss_nd (before it picks nll_loss or nll_loss2d) */
function checkNd(input: Tensor, target: Tensor): void {
  if (input.dim() < 1) throw valueError(`Expected 1 or more dimensions (got ${input.dim()})`);
  if (input.dim() !== 1 && input.shape[0] !== (target.shape[0] ?? 1))
    throw valueError(`Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0] ?? 1}).`);
}

const sizes = (t: Tensor) => `[${t.shape.join(", ")}]`;

/** nll_loss's own checks (input 1-D or 2-D, class-index target) */
function checkNll(input: Tensor, target: Tensor, weight: Tensor | null): void {
  if (target.dim() > 1) throw runtimeError("0D or 1D target tensor expected, multi-target not supported");
  if (input.dim() === 1 && target.dim() !== 0 && input.shape[0] !== target.shape[0])
    throw runtimeError(`size mismatch (got input: ${sizes(input)}, target: ${sizes(target)})`);
  const classes = input.shape[input.dim() - 1];
  if (weight && (weight.dim() !== 1 || weight.numel !== classes))
    throw runtimeError(`weight tensor should be defined either for all ${classes} classes or no classes but got weight tensor of shape: ${sizes(weight)}`);
  checkTargetDType(target);
}

/** the kernels read the target as int64 (after the shape checks) */
function checkTargetDType(target: Tensor): void {
  if (target.dtype !== "int64") throw runtimeError(`expected scalar type Long but found ${atenTypeName(target.dtype)}`);
}

/** nll_loss2d's checks (input N x C x H x W, target N x H x W) */
function checkNll2d(input: Tensor, target: Tensor, weight: Tensor | null): void {
  if (target.dim() !== 3)
    throw runtimeError(`only batches of spatial targets supported (3D tensors) but got targets of dimension: ${target.dim()}`);
  if (weight && weight.numel !== input.shape[1]) throw runtimeError("weight tensor should be defined either for all or no classes");
  const [n, , h, w] = input.shape;
  if (n !== target.shape[0] || h !== target.shape[1] || w !== target.shape[2])
    throw runtimeError(`size mismatch (got input: ${sizes(input)} , target: ${sizes(target)}`);
  checkTargetDType(target);
}

/** where sample k's class c sits: (N, C) rows, or (N, C, H, W) maps with H*W samples per image */
interface Layout {
  classes: number;
  /** samples per batch element (H*W; 1 for rows) */
  map: number;
  samples: number;
}

function layoutOf(input: Tensor): Layout {
  if (input.dim() === 4) {
    const map = input.shape[2] * input.shape[3];
    return { classes: input.shape[1], map, samples: input.shape[0] * map };
  }
  return { classes: input.shape[input.dim() - 1], map: 1, samples: input.dim() === 1 ? 1 : input.shape[0] };
}

const offsetOf = (l: Layout, k: number, c: number): number => (Math.floor(k / l.map) * l.classes + c) * l.map + (k % l.map);

interface NllForward {
  output: number[];
  totalWeight: number;
}

/** ATen's nll_loss(2d)_out_frame: per-sample losses, or a sum with its 8-level cascade (level step 16) */
function nllForward(input: Tensor, target: Tensor, weight: Tensor | null, reduction: Reduction, ignore: number, perSample: boolean): NllForward {
  const r = input.dtype === "float32" ? Math.fround : (v: number) => v;
  const x = input.values();
  const t = target.values();
  const w = weight ? weight.values() : null;
  const l = layoutOf(input);
  const check = (c: number) => {
    if (c < 0 || c >= l.classes) throw indexError(`Target ${c} is out of bounds.`);
  };
  if (perSample) {
    const output = t.map((c, k) => {
      if (c === ignore) return 0;
      check(c);
      return r(-x[offsetOf(l, k, c)] * (w ? w[c] : 1));
    });
    return { output, totalWeight: 0 };
  }
  const levels = 8;
  const loss = new Array<number>(levels).fill(0);
  const wsum = new Array<number>(levels).fill(0);
  let ignored = 0;
  for (let k = 0; k < l.samples; k++) {
    const c = t[k];
    if (c === ignore) {
      ignored++;
      continue;
    }
    check(c);
    const data = x[offsetOf(l, k, c)];
    if (w) {
      loss[0] = r(loss[0] - r(data * w[c]));
      wsum[0] = r(wsum[0] + w[c]);
    } else loss[0] = r(loss[0] - data);
    for (let j = 0; j + 1 < levels; j++) {
      if ((k & (15 * 16 ** j)) !== 0) break;
      wsum[j + 1] = r(wsum[j + 1] + wsum[j]);
      loss[j + 1] = r(loss[j + 1] + loss[j]);
      wsum[j] = 0;
      loss[j] = 0;
    }
  }
  const totalWeight = w ? wsum.reduce((a, v) => r(a + v), 0) : l.samples - ignored;
  let out = loss.reduce((a, v) => r(a + v), 0);
  if (reduction === "mean") out = r(out / totalWeight);
  return { output: [out], totalWeight };
}

/** F.nll_loss(input, target): log-probabilities (C), (N, C) or (N, C, d1, ...); class-index targets */
export function nllLoss(input: Tensor, target: Tensor, opts: NllOptions = {}): Tensor {
  checkNd(input, target);
  if (input.dim() <= 2 || input.dim() === 4) return nllLossOp(input, target, opts);
  // ATen's nll_loss_nd: other shapes go through nll_loss2d as (N, C, 1, -1)
  const [n, c] = input.shape;
  const outSize = [n, ...input.shape.slice(2)];
  if (target.shape.slice(1).join() !== input.shape.slice(2).join())
    throw runtimeError(`Expected target size [${outSize.join(", ")}], got ${sizes(target)}`);
  const x = input.numel > 0 ? view(contiguous(input), [n, c, 1, -1]) : view(contiguous(input), [n, c, 0, 0]);
  const t = target.numel > 0 ? view(contiguous(target), [n, 1, -1]) : view(contiguous(target), [n, 0, 0]);
  const out = nllLossOp(x, t, opts);
  return (opts.reduction ?? "mean") === "none" ? view(out, outSize) : out;
}

/** nll_loss (NllLossBackward0) for 1-D/2-D input, nll_loss2d (NllLoss2DBackward0) for 4-D */
function nllLossOp(input: Tensor, target: Tensor, opts: NllOptions): Tensor {
  const weight = opts.weight ?? null;
  const reduction = opts.reduction ?? "mean";
  const ignore = opts.ignoreIndex ?? -100;
  const spatial = input.dim() === 4;
  if (spatial) checkNll2d(input, target, weight);
  else checkNll(input, target, weight);
  const perSample = reduction === "none" && input.dim() >= 2;
  const { output, totalWeight } = nllForward(input, target, weight, reduction, ignore, perSample);
  const shape = !perSample ? [] : spatial ? [input.shape[0], input.shape[2], input.shape[3]] : [input.shape[0]];
  const out = fromValues(input.rt, output, shape, input.dtype);
  const total = created(fromValues(input.rt, [totalWeight], [], input.dtype), "total_weight");
  const save: Record<string, Tensor> = { self: input, target, total_weight: total };
  if (weight) save.weight = weight;
  return record(out, {
    op: spatial ? "nll_loss2d" : "nll_loss",
    gradFn: spatial ? "NllLoss2DBackward0" : "NllLossBackward0",
    inputs: [input],
    save,
    eventInputs: weight ? [input, target, weight] : [input, target],
    backward: ([g], node) => [
      nllLossBackward(g!, node.unpack("self"), node.unpack("target"), weight ? node.unpack("weight") : null, reduction, ignore, node.unpack("total_weight")),
    ],
    jvp: ([t]) => nllLossOp(t!, target, opts),
  });
}

/** nll_loss(2d)_backward: -grad (over total_weight for mean, times the class weight) at each target */
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
  const l = layoutOf(self);
  const t = target.values();
  const w = weight ? weight.values() : null;
  const out = new Array<number>(self.numel).fill(0);
  const gv = grad.values();
  if (reduction === "none" && self.dim() >= 2) {
    t.forEach((c, k) => {
      if (c !== ignore) out[offsetOf(l, k, c)] = r(-(w ? w[c] : 1) * gv[k]);
    });
  } else {
    const g = -(reduction === "mean" ? r(gv[0] / totalWeight.at(0)) : gv[0]);
    t.forEach((c, k) => {
      if (c !== ignore) out[offsetOf(l, k, c)] = w ? r(w[c] * g) : g;
    });
  }
  const save: Record<string, Tensor> = { target, total_weight: totalWeight };
  if (weight) save.weight = weight;
  return record(fromValues(self.rt, out, self.shape.slice(), self.dtype), {
    op: self.dim() === 4 ? "nll_loss2d_backward" : "nll_loss_backward",
    gradFn: self.dim() === 4 ? "NllLoss2DBackwardBackward0" : "NllLossBackwardBackward0",
    inputs: [grad, self],
    save,
    backward: ([gg], node) => [
      node.needs(0) ? nllLossOp(gg!, node.unpack("target"), { weight: weight ? node.unpack("weight") : null, reduction, ignoreIndex: ignore }) : null,
      node.needs(1) ? zerosLikeT(gg!) : null,
    ],
    jvp: ([tg]) => (tg ? nllLossBackward(tg, self, target, weight, reduction, ignore, totalWeight) : zerosLikeT(self)),
  });
}

export interface CrossEntropyOptions extends NllOptions {
  labelSmoothing?: number;
}

/** the class weights shaped to broadcast along the class dim */
function weightAlong(weight: Tensor, dims: number, classDim: number): Tensor {
  const shape = new Array<number>(dims).fill(1);
  shape[classDim] = weight.shape[0];
  return view(weight, shape);
}

/** F.cross_entropy, as ATen's cross_entropy_loss picks its path: class probabilities (target
 *  shaped like input), label smoothing, or nll_loss(log_softmax(input)) */
export function crossEntropy(input: Tensor, target: Tensor, opts: CrossEntropyOptions = {}): Tensor {
  const classDim = input.dim() === 1 ? 0 : 1;
  const ls = opts.labelSmoothing ?? 0;
  if (target.shape.join() === input.shape.join() && input.dim() > 0) {
    if (!isFloating(target.dtype))
      throw runtimeError(`Expected floating point type for target with class probabilities, got ${atenTypeName(target.dtype)}`);
    if ((opts.ignoreIndex ?? -100) >= 0) throw runtimeError("ignore_index is not supported for floating point target");
    return probabilityTargets(input, target, classDim, ls, opts);
  }
  if (ls > 0) {
    if (ls > 1) throw runtimeError(`label_smoothing must be between 0.0 and 1.0. Got: ${pyFloat(ls)}`);
    return labelSmoothing(input, target, classDim, ls, opts);
  }
  return nllLoss(logSoftmax(input, classDim), target, opts);
}

/** a Python float as C++ streams print a double into messages (0.5, 1.5, 2) */
const pyFloat = (v: number): string => String(v);

/** ATen's cross_entropy_loss_prob_target */
function probabilityTargets(input: Tensor, target_: Tensor, classDim: number, ls: number, opts: CrossEntropyOptions): Tensor {
  const weight = opts.weight ?? null;
  const classes = input.shape[classDim];
  if (weight && (weight.dim() !== 1 || weight.numel !== classes))
    throw runtimeError(`cross_entropy: weight tensor should be defined either for all ${classes} classes or no classes but got weight tensor of shape: ${sizes(weight)}`);
  const logp = logSoftmax(input, classDim);
  let target = target_;
  if (ls > 0) {
    if (ls > 1) throw runtimeError(`label_smoothing must be between 0.0 and 1.0. Got: ${pyFloat(ls)}`);
    target = add(mulScalar(target_, 1 - ls), ls / classes);
  }
  let prod = mul(logp, target);
  if (weight) prod = mul(prod, input.dim() > 1 ? weightAlong(weight, input.dim(), 1) : weight);
  const reduction = opts.reduction ?? "mean";
  if (reduction === "none") return neg(sum(prod, classDim));
  const total = neg(sum(prod));
  return reduction === "sum" ? total : divScalar(total, BigInt(input.numel / classes));
}

/** ATen's cross_entropy_loss_label_smoothing (class-index targets) */
function labelSmoothing(self: Tensor, target: Tensor, classDim: number, ls: number, opts: CrossEntropyOptions): Tensor {
  const weight = opts.weight ?? null;
  const reduction = opts.reduction ?? "mean";
  const ignore = opts.ignoreIndex ?? -100;
  const input = logSoftmax(self, classDim);
  const nll = nllLoss(input, target, opts);
  const classes = input.shape[classDim];
  const smooth = neg(sum(weight ? mul(input, weightAlong(weight, input.dim(), classDim)) : input, classDim));
  const ignoreMask = eq(target, ignore);
  maskedFill_(smooth, ignoreMask, 0);
  let ret: Tensor;
  if (reduction === "mean") {
    if (weight) {
      const picked = indexSelect(weight, 0, reshape(maskedFill(target, ignoreMask, 0), [-1]));
      ret = div(sum(smooth), sum(maskedFill(picked, reshape(ignoreMask, [-1]), 0)));
    } else ret = div(sum(smooth), sum(logicalNot(ignoreMask)));
  } else ret = reduction === "sum" ? sum(smooth) : smooth;
  return add(mulScalar(nll, 1 - ls), mulScalar(ret, ls / classes));
}
