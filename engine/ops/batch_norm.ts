// torch.batch_norm over an (N, C) float32 input (more dims: batch_norm_nchw.ts), as ATen 2.6's CPU kernels compute it: a
// contiguous (N, C) input takes the channels-last kernels, which reduce the rows into a float
// buffer per thread (the answer key runs one), taken into double; the variance sum, the gradient's dot product and the transforms use fused multiply-adds
// (fmaf). The statistics, the output and the three gradients were matched bit for bit against
// PyTorch on random inputs. NativeBatchNormBackward0; its second derivative is not here yet.
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { refuseTangents } from "../autograd/forward_ad.ts";
import { batchNormJvp } from "./norm_jvp.ts";
import { fmaf } from "../random/float32Math.ts";
import { created } from "./create.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { batchNormPlanes } from "./batch_norm_nchw.ts";
import { type BatchNormOptions, writeStats } from "./batch_norm_stats.ts";

export type { BatchNormOptions } from "./batch_norm_stats.ts";

const f32 = Math.fround;

/** per channel: the rows' values reduced into one float buffer (the answer key's one thread's),
 *  then taken into double */
function halves(n: number, c: number, step: (acc: number, row: number, ch: number) => number): number[] {
  const out = new Array<number>(c).fill(0);
  for (let ch = 0; ch < c; ch++) {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = step(acc, i, ch);
    out[ch] = acc;
  }
  return out;
}

export function batchNorm(input: Tensor, o: BatchNormOptions): Tensor {
  if (input.dtype !== "float32" || input.dim() < 2) throw runtimeError("batch_norm in Gradlens runs on float32 input (N, C, *) only, for now");
  // (N, C, *) takes ATen's contiguous kernels; (N, C) the channels-last ones
  if (input.dim() > 2) {
    if (input.numel === input.shape[0] * input.shape[1]) throw runtimeError("batch_norm over (N, C, 1) input is not in the Gradlens engine yet");
    return batchNormPlanes(input, o);
  }
  const [n, c] = input.shape;
  const x = input.values();
  const w = o.weight?.values() ?? new Array<number>(c).fill(1);
  const b = o.bias?.values() ?? new Array<number>(c).fill(0);
  let mean: number[];
  let invstd: number[];
  if (o.training) {
    mean = halves(n, c, (acc, i, ch) => f32(acc + x[i * c + ch])).map((s) => f32(s / n));
    const varSum = halves(n, c, (acc, i, ch) => {
      const d = f32(x[i * c + ch] - mean[ch]);
      return fmaf(d, d, acc);
    }).map(f32);
    invstd = varSum.map((v) => f32(1 / Math.sqrt(f32(v / n) + o.eps)));
    // running statistics in float: momentum·new + (1 - momentum)·old, the variance unbiased and its
    // update a fused multiply-add (as measured against the answer key)
    const [m, keep] = [f32(o.momentum), f32(1 - o.momentum)];
    if (o.runningMean) writeStats(o.runningMean, (r, ch) => f32(f32(m * mean[ch]) + f32(keep * r)));
    if (o.runningVar) writeStats(o.runningVar, (r, ch) => fmaf(m, f32(varSum[ch] / (n - 1)), f32(keep * r)));
  } else {
    if (!o.runningMean || !o.runningVar) throw runtimeError("running_mean and running_var must be defined in evaluation mode");
    mean = o.runningMean.values();
    invstd = o.runningVar.values().map((v) => f32(1 / f32(Math.sqrt(f32(v + f32(o.eps))))));
  }
  const alpha = invstd.map((s, ch) => f32(s * w[ch]));
  const beta = alpha.map((a, ch) => fmaf(-mean[ch], a, b[ch]));
  const out = x.map((v, i) => fmaf(v, alpha[i % c], beta[i % c]));
  const result = fromValues(input.rt, out, input.shape.slice(), "float32");
  const saveMean = created(fromValues(input.rt, o.training ? mean : [], [o.training ? c : 0], "float32"), "save_mean");
  const saveInvstd = created(fromValues(input.rt, o.training ? invstd : [], [o.training ? c : 0], "float32"), "save_invstd");
  const training = o.training;
  return record(result, {
    op: "batch_norm",
    gradFn: "NativeBatchNormBackward0",
    inputs: [input, o.weight, o.bias],
    save: { input, ...(o.weight ? { weight: o.weight } : {}), result1: saveMean, result2: saveInvstd },
    jvp: (tangents) => batchNormJvp(input, o, saveMean, saveInvstd, tangents),
    backward: ([g], node) => {
      const xs = node.unpack("input");
      if (xs.rt.gradEnabled && (g!.requiresGrad || xs.requiresGrad || !!o.weight?.requiresGrad))
        throw runtimeError("the second derivative of batch_norm is not in the Gradlens engine yet");
      refuseTangents(xs.rt, "native_batch_norm_backward", [g!, xs, o.weight]);
      const dy = g!.values();
      const xv = xs.values();
      const sumDy = halves(n, c, (acc, i, ch) => f32(acc + dy[i * c + ch])).map(f32);
      const dot = halves(n, c, (acc, i, ch) => fmaf(f32(xv[i * c + ch] - mean[ch]), dy[i * c + ch], acc)).map(f32);
      const dx = xv.map((v, i) => {
        const ch = i % c;
        if (!training) return f32(dy[i] * alpha[ch]);
        const k = f32(f32(f32(dot[ch] * invstd[ch]) * invstd[ch]) / n);
        const gradMean = f32(sumDy[ch] / n);
        const r = fmaf(-f32(v - mean[ch]), k, f32(dy[i] - gradMean));
        return f32(f32(r * invstd[ch]) * w[ch]);
      });
      const made = (v: number[], shape: number[]) => created(fromValues(xs.rt, v, shape, "float32"), "native_batch_norm_backward");
      return [made(dx, xs.shape.slice()), o.weight ? made(dot.map((d, ch) => f32(d * invstd[ch])), [c]) : null, o.bias ? made(sumDy, [c]) : null];
    },
  });
}
