// torch.conv2d (F.conv2d, nn.Conv2d) as PyTorch 2.6 on the answer key's CPU computes it, which is one
// of two algorithms depending on ATen's choice (ConvParams::use_mkldnn, one intra-op thread):
// - "thnn" (slow_conv2d / slow_conv_dilated2d: a batch of 1 with a kernel of at most 3 on a side and a
//   small input, or any float64 input): im2col + reference BLAS gemm, so each output starts from the
//   bias and adds w·x products (rounded, not fused) in (channel, kh, kw) order; the input's gradient
//   sums, per kernel tap, the products over output channels, the taps then added in order (col2im);
//   the weight's gradient one chain over output positions; the bias's a sum over (N, H, W).
// - "onednn" (oneDNN's AVX-512 direct convolution otherwise): fused multiply-adds from zero over
//   (kh, kw, channel) within blocks of 16 input channels, the blocks' sums added to the first block's
//   sum plus the bias; the input's gradient likewise over blocks of 16 output channels (stride 1) or,
//   strided (brgconv_strided), one chain over (kh, output channel) per kw tap, the taps' sums added,
//   when the width is a multiple of the stride, else one chain over (kh, kw, output channel);
//   the weight's gradient one fused chain over (n, oh, ow); the bias's gradient one sum in that order.
// Each rule was found by matching PyTorch's values bit for bit on a range of shapes (1-32 channels,
// kernels 2-5, stride 1-3, padding, dilation); F.conv2d refuses groups > 1 and stride with dilation,
// whose oneDNN kernels add in orders not matched yet. ConvolutionBackward0; no second derivative yet.
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { allocate, type Storage32 } from "../dtype.ts";
import { fromStorage, type Tensor } from "../tensor.ts";
import { convForward, type ConvGeometry, convInputGrad, convWeightGrad } from "./conv_kernels.ts";
import { created } from "./create.ts";
import { noDoubleBackward } from "./nn_layers.ts";
import { sum } from "./reduce.ts";

export interface ConvOptions {
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  groups: number;
}


const sizeText = (s: readonly number[]) => `[${s.join(", ")}]`;

function geometry(input: Tensor, weight: Tensor, o: ConvOptions): ConvGeometry {
  const [N, C, H, W] = input.shape;
  const [O, Cg, kh, kw] = weight.shape;
  const G = o.groups;
  if (Cg * G !== C)
    throw runtimeError(
      `Given groups=${G}, weight of size ${sizeText(weight.shape)}, expected input${sizeText(input.shape)} to have ${Cg * G} channels, but got ${C} channels instead`,
    );
  const [sh, sw] = o.stride;
  const [ph, pw] = o.padding;
  const [dh, dw] = o.dilation;
  const padH = H + 2 * ph;
  const padW = W + 2 * pw;
  const effH = dh * (kh - 1) + 1;
  const effW = dw * (kw - 1) + 1;
  if (padH < effH || padW < effW)
    throw runtimeError(
      `Calculated padded input size per channel: (${padH} x ${padW}). Kernel size: (${effH} x ${effW}). Kernel size can't be greater than actual input size`,
    );
  const OH = Math.floor((padH - effH) / sh) + 1;
  const OW = Math.floor((padW - effW) / sw) + 1;
  return { N, C, H, W, O, kh, kw, OH, OW, sh, sw, ph, pw, dh, dw, G };
}

/** ATen's ConvParams::use_mkldnn for a float32 CPU input, one intra-op thread */
function usesOneDnn(input: Tensor, g: ConvGeometry): boolean {
  if (input.dtype !== "float32") return false;
  const strided = g.sh !== 1 || g.sw !== 1;
  const dilated = g.dh !== 1 || g.dw !== 1;
  const first = strided || dilated || g.N >= 16 || g.kw !== 1 || g.kh !== 1;
  const second = g.G > 1 || (g.kw > 3 && g.kh > 3) || g.N > 1 || g.N * g.C * g.H * g.W > 20480;
  return first && second;
}

export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null, o: ConvOptions): Tensor {
  if (input.dtype !== weight.dtype)
    throw runtimeError(`Input type (${input.dtype === "float64" ? "double" : "float"}) and weight type (${weight.dtype === "float64" ? "double" : "float"}) should be the same`);
  if (input.dtype !== "float32" && input.dtype !== "float64")
    throw runtimeError(`"slow_conv2d_cpu" not implemented for '${input.dtype === "int64" ? "Long" : input.dtype === "bool" ? "Bool" : "Int"}'`);
  const g = geometry(input, weight, o);
  const oneDnn = usesOneDnn(input, g);

  const f64 = input.dtype === "float64";
  const r = f64 ? (v: number) => v : Math.fround;
  const { N, C, H, W, O, OH, OW, G } = g;
  const out = convForward(input.contiguousData(), weight.contiguousData(), bias?.contiguousData() ?? null, g, oneDnn, f64);
  const result = fromStorage(input.rt, out, [N, O, OH, OW], input.dtype);
  return record(result, {
    op: "conv2d",
    gradFn: "ConvolutionBackward0",
    inputs: [input, weight, bias],
    save: { input, weight },
    args: { stride: o.stride.slice(), padding: o.padding.slice(), dilation: o.dilation.slice(), groups: G, transposed: false },
    backward: ([grad], node) => {
      const xs = node.unpack("input");
      const ws = node.unpack("weight");
      noDoubleBackward("conv2d", grad!, xs, ws);
      const gv = grad!.contiguousData();
      const dx = convInputGrad(gv, ws.contiguousData(), g, oneDnn, f64);
      const dw_ = convWeightGrad(gv, xs.contiguousData(), g, oneDnn, f64);
      // the bias's gradient
      const made = (v: Storage32, shape: number[]) => created(fromStorage(xs.rt, v, shape, xs.dtype), "convolution_backward");
      let db: Tensor | null = null;
      if (bias) {
        if (oneDnn) {
          const sums = allocate(xs.dtype, O);
          for (let oc = 0; oc < O; oc++) for (let n = 0; n < N; n++) for (let q = 0; q < OH * OW; q++) sums[oc] = r(sums[oc] + gv[(n * O + oc) * OH * OW + q]);
          db = made(sums, [O]);
        } else db = sum(grad!, [0, 2, 3]);
      }
      return [made(dx, [N, C, H, W]), made(dw_, ws.shape.slice()), db];
    },
  });
}
