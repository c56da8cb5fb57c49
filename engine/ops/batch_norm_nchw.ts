// torch.batch_norm over a contiguous (N, C, *) float32 input with more than one value per plane
// (BatchNorm1d on (N, C, L), BatchNorm2d on (N, C, H, W)), as ATen 2.6's contiguous CPU kernels
// compute it: per channel, the mean and the variance's sum in double over (n, position) in order
// (each squared difference rounded to float first); the output x·alpha + beta fused per vector; the
// backward's sum of dy and dot product of (x - mean) and dy per plane (vector lanes, vec::reduce_all)
// added plane after plane in double, and dx = (dy - mean(dy) - (x - mean)·k)·invstd·w with the inner
// multiply-add fused; the running mean and variance updated in float. Matched bit for bit against
// PyTorch in training and eval modes, except the running variance, which differs in the last bit for
// about one channel in six (its exact order of operations is not found yet).
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { refuseTangents } from "../autograd/forward_ad.ts";
import { batchNormJvp } from "./norm_jvp.ts";
import { fmaf } from "../random/float32Math.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { laneSum } from "./vec_reduce.ts";
import { type BatchNormOptions, writeStats } from "./batch_norm_stats.ts";

const f32 = Math.fround;

export function batchNormPlanes(input: Tensor, o: BatchNormOptions): Tensor {
  const [N, C] = input.shape;
  const P = input.numel / (N * C);
  const x = input.values();
  const w = o.weight?.values() ?? new Array<number>(C).fill(1);
  const b = o.bias?.values() ?? new Array<number>(C).fill(0);
  const at = (n: number, c: number, q: number) => (n * C + c) * P + q;
  const count = N * P;
  let mean: number[];
  let invstd: number[];
  if (o.training) {
    mean = new Array<number>(C);
    invstd = new Array<number>(C);
    const varSum = new Array<number>(C);
    for (let c = 0; c < C; c++) {
      let sum = 0;
      for (let n = 0; n < N; n++) for (let q = 0; q < P; q++) sum += x[at(n, c, q)];
      const m = f32(sum / count);
      let vs = 0;
      for (let n = 0; n < N; n++)
        for (let q = 0; q < P; q++) {
          const d = f32(x[at(n, c, q)] - m);
          vs += f32(d * d);
        }
      mean[c] = m;
      varSum[c] = f32(vs);
      invstd[c] = f32(1 / Math.sqrt(f32(varSum[c] / count) + o.eps));
    }
    // the running statistics in float: momentum·new + (1 - momentum)·old, the variance unbiased and
    // its update a fused multiply-add (as measured against the answer key)
    const [m, keep] = [f32(o.momentum), f32(1 - o.momentum)];
    if (o.runningMean) writeStats(o.runningMean, (r, ch) => f32(f32(m * mean[ch]) + f32(keep * r)));
    if (o.runningVar) writeStats(o.runningVar, (r, ch) => fmaf(m, f32(varSum[ch] / (count - 1)), f32(keep * r)));
  } else {
    if (!o.runningMean || !o.runningVar) throw runtimeError("running_mean and running_var must be defined in evaluation mode");
    mean = o.runningMean.values();
    invstd = o.runningVar.values().map((v) => f32(1 / f32(Math.sqrt(f32(v + f32(o.eps))))));
  }
  const alpha = invstd.map((s, c) => f32(s * w[c]));
  const beta = alpha.map((a, c) => fmaf(-mean[c], a, b[c]));
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) {
    const c = Math.floor(i / P) % C;
    out[i] = fmaf(x[i], alpha[c], beta[c]);
  }
  const rt = input.rt;
  const result = fromValues(rt, out, input.shape.slice(), "float32");
  const training = o.training;
  const saveMean = created(fromValues(rt, training ? mean : [], [training ? C : 0], "float32"), "save_mean");
  const saveInvstd = created(fromValues(rt, training ? invstd : [], [training ? C : 0], "float32"), "save_invstd");
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
      // the backward's own invstd in eval mode: 1/sqrt(running_var + eps) in double
      const inv = training ? invstd : o.runningVar!.values().map((v) => f32(1 / Math.sqrt(v + o.eps)));
      const sums = new Array<number>(C);
      const dots = new Array<number>(C);
      const dx = new Array<number>(xv.length);
      for (let c = 0; c < C; c++) {
        // each plane's lanes reduced in float, the planes added in double
        let sum = 0;
        let dotp = 0;
        for (let n = 0; n < N; n++) {
          const plane = at(n, c, 0);
          const dyPlane = dy.slice(plane, plane + P);
          sum += laneSum(dyPlane, 8, f32);
          dotp += laneSum(dyPlane.map((d, q) => f32(f32(xv[plane + q] - mean[c]) * d)), 8, f32);
        }
        sums[c] = f32(sum);
        dots[c] = f32(dotp * inv[c]);
        const k = f32(f32(f32(f32(dotp) * invstd[c]) * invstd[c]) / count);
        const gradMean = f32(sum / count);
        for (let n = 0; n < N; n++)
          for (let q = 0; q < P; q++) {
            const i = at(n, c, q);
            if (!training) dx[i] = f32(f32(dy[i] * inv[c]) * w[c]);
            else dx[i] = f32(f32(fmaf(-f32(xv[i] - mean[c]), k, f32(dy[i] - gradMean)) * invstd[c]) * w[c]);
          }
      }
      const made = (v: number[], shape: number[]) => created(fromValues(rt, v, shape, "float32"), "native_batch_norm_backward");
      return [made(dx, xs.shape.slice()), o.weight ? made(dots, [C]) : null, o.bias ? made(sums, [C]) : null];
    },
  });
}
