// torch.native_layer_norm (F.layer_norm, nn.LayerNorm) as ATen 2.6's CPU kernels compute it: each
// row of the normalized trailing dims gets RowwiseMoments' mean and variance, rstd = 1/sqrt(var + eps),
// y = (x - mean)·rstd·gamma + beta (the last multiply-add fused where gamma and beta are both given);
// the backward's row sums ds = Σ dy·x·gamma and db = Σ dy·gamma add vector lanes (vec::map_reduce_all)
// and dgamma/dbeta accumulate row after row, each step as GCC compiled it (fused multiply-adds where
// matched). Output, mean, rstd and the three gradients were matched bit for bit against PyTorch on
// rows of 1 to 300 values. NativeLayerNormBackward0; its second derivative is not here yet.
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { refuseTangents } from "../autograd/forward_ad.ts";
import { fmaf } from "../random/float32Math.ts";
import { fma } from "../random/fma.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { rowwiseMoments } from "./moments.ts";
import { laneSum } from "./vec_reduce.ts";
import { layerNormJvp } from "./norm_jvp.ts";

const shapeText = (s: readonly number[]) => `[${s.join(", ")}]`;

function checkShapes(input: Tensor, normalized: number[], weight: Tensor | null, bias: Tensor | null): void {
  const k = normalized.length;
  if (k < 1) throw runtimeError("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = []");
  for (const [name, t] of [["weight", weight], ["bias", bias]] as const)
    if (t && shapeText(t.shape) !== shapeText(normalized))
      throw runtimeError(`Expected ${name} to be of same shape as normalized_shape, but got ${name} of shape ${shapeText(t.shape)} and normalized_shape = ${shapeText(normalized)}`);
  const tail = input.shape.slice(input.dim() - k);
  if (input.dim() < k || shapeText(tail) !== shapeText(normalized)) {
    const expected = `[*, ${normalized.join(", ")}]`;
    throw runtimeError(`Given normalized_shape=${shapeText(normalized)}, expected input with shape ${expected}, but got input of size${shapeText(input.shape)}`);
  }
}

export function layerNorm(input: Tensor, normalized: number[], weight: Tensor | null, bias: Tensor | null, eps: number): Tensor {
  checkShapes(input, normalized, weight, bias);
  if (input.dtype !== "float32" && input.dtype !== "float64")
    throw runtimeError(`"LayerNormKernelImpl" not implemented for '${input.dtype === "int64" ? "Long" : input.dtype === "bool" ? "Bool" : "Int"}'`);
  const float64 = input.dtype === "float64";
  const r = float64 ? (v: number) => v : Math.fround;
  const fused = float64 ? fma : fmaf;
  const N = numelOf(normalized);
  const M = N === 0 ? 0 : input.numel / N;
  const x = input.values();
  const gamma = weight?.values() ?? null;
  const beta = bias?.values() ?? null;
  const out = new Array<number>(x.length);
  const means = new Array<number>(M);
  const rstds = new Array<number>(M);
  const e = r(eps);
  for (let i = 0; i < M; i++) {
    const [mean, variance] = rowwiseMoments(x, i * N, N, float64);
    const rstd = r(1 / r(Math.sqrt(r(variance + e))));
    means[i] = mean;
    rstds[i] = rstd;
    for (let j = 0; j < N; j++) {
      const t = r(r(x[i * N + j] - mean) * rstd);
      out[i * N + j] = gamma && beta ? fused(t, gamma[j], beta[j]) : r(r(t * (gamma ? gamma[j] : 1)) + (beta ? beta[j] : 0));
    }
  }
  const rt = input.rt;
  const result = fromValues(rt, out, input.shape.slice(), input.dtype);
  const statShape = [...input.shape.slice(0, input.dim() - normalized.length), ...normalized.map(() => 1)];
  const saveMean = created(fromValues(rt, means, statShape, input.dtype), "save_mean");
  const saveRstd = created(fromValues(rt, rstds, statShape, input.dtype), "save_rstd");
  return record(result, {
    op: "layer_norm",
    gradFn: "NativeLayerNormBackward0",
    inputs: [input, weight, bias],
    save: { input, result1: saveMean, result2: saveRstd, weight, bias },
    args: { normalized_shape: normalized.slice() },
    jvp: (tangents) => layerNormJvp(input, normalized.length, weight, saveMean, saveRstd, tangents),
    backward: ([g], node) => {
      const xs = node.unpack("input");
      if (xs.rt.gradEnabled && (g!.requiresGrad || xs.requiresGrad || !!weight?.requiresGrad))
        throw runtimeError("the second derivative of layer_norm is not in the Gradlens engine yet");
      refuseTangents(xs.rt, "native_layer_norm_backward", [g!, xs, weight]);
      const dy = g!.values();
      const xv = xs.values();
      const gam = gamma ?? new Array<number>(N).fill(1);
      const scale = r(1 / N);
      const dx = new Array<number>(xv.length);
      const dgamma = new Array<number>(N).fill(0);
      const dbeta = new Array<number>(N).fill(0);
      const lanes = float64 ? 4 : 8;
      for (let i = 0; i < M; i++) {
        const o = i * N;
        const a = rstds[i];
        const mean = means[i];
        const b0 = r(-a * mean);
        for (let j = 0; j < N; j++) {
          dgamma[j] = fused(dy[o + j], fused(a, xv[o + j], b0), dgamma[j]);
          dbeta[j] = r(dbeta[j] + dy[o + j]);
        }
        const prods = new Array<number>(N);
        const dyg = new Array<number>(N);
        for (let j = 0; j < N; j++) {
          prods[j] = r(r(dy[o + j] * xv[o + j]) * gam[j]);
          dyg[j] = r(dy[o + j] * gam[j]);
        }
        const ds = laneSum(prods, lanes, r);
        const db = laneSum(dyg, lanes, r);
        const b = r(r(r(r(fused(db, mean, -ds) * a) * a) * a) * scale);
        const c = fused(-b, mean, -r(r(db * a) * scale));
        for (let j = 0; j < N; j++) dx[o + j] = r(fused(b, xv[o + j], r(r(a * dy[o + j]) * gam[j])) + c);
      }
      const made = (v: number[], shape: number[]) => created(fromValues(rt, v, shape, xs.dtype), "native_layer_norm_backward");
      return [made(dx, xs.shape.slice()), weight ? made(dgamma, normalized.slice()) : null, bias ? made(dbeta, normalized.slice()) : null];
    },
  });
}
