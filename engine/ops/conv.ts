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
import { fmaf } from "../random/float32Math.ts";
import { fma } from "../random/fma.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { noDoubleBackward } from "./nn_layers.ts";
import { sum } from "./reduce.ts";

export interface ConvOptions {
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  groups: number;
}

interface Geometry {
  N: number;
  C: number;
  H: number;
  W: number;
  O: number;
  kh: number;
  kw: number;
  OH: number;
  OW: number;
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  dh: number;
  dw: number;
  G: number;
}

const sizeText = (s: readonly number[]) => `[${s.join(", ")}]`;

function geometry(input: Tensor, weight: Tensor, o: ConvOptions): Geometry {
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
function usesOneDnn(input: Tensor, g: Geometry): boolean {
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
  const fused = f64 ? fma : fmaf;
  const x = input.values();
  const w = weight.values();
  const b = bias?.values() ?? null;
  const { N, C, H, W, O, kh, kw, OH, OW, sh, sw, ph, pw, dh, dw, G } = g;
  const Cg = C / G;
  const Og = O / G;
  const out = new Array<number>(N * O * OH * OW);
  for (let n = 0; n < N; n++)
    for (let oc = 0; oc < O; oc++) {
      const c0 = Math.floor(oc / Og) * Cg;
      for (let oy = 0; oy < OH; oy++)
        for (let ox = 0; ox < OW; ox++) {
          let total = 0;
          if (!oneDnn) {
            total = b ? b[oc] : 0;
            for (let c = 0; c < Cg; c++)
              for (let i = 0; i < kh; i++)
                for (let j = 0; j < kw; j++) {
                  const y = oy * sh - ph + i * dh;
                  const xx = ox * sw - pw + j * dw;
                  const v = y >= 0 && y < H && xx >= 0 && xx < W ? x[((n * C + c0 + c) * H + y) * W + xx] : 0;
                  total = r(total + r(w[((oc * Cg + c) * kh + i) * kw + j] * v));
                }
          } else
            for (let cb = 0; cb < Cg; cb += 16) {
              let acc = 0;
              for (let i = 0; i < kh; i++) {
                const y = oy * sh - ph + i * dh;
                if (y < 0 || y >= H) continue;
                for (let j = 0; j < kw; j++) {
                  const xx = ox * sw - pw + j * dw;
                  if (xx < 0 || xx >= W) continue;
                  for (let c = cb; c < Math.min(Cg, cb + 16); c++) acc = fused(w[((oc * Cg + c) * kh + i) * kw + j], x[((n * C + c0 + c) * H + y) * W + xx], acc);
                }
              }
              total = cb === 0 ? (b ? r(acc + b[oc]) : acc) : r(total + acc);
            }
          out[((n * O + oc) * OH + oy) * OW + ox] = total;
        }
    }
  const result = fromValues(input.rt, out, [N, O, OH, OW], input.dtype);
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
      const gv = grad!.values();
      const xv = xs.values();
      const wv = ws.values();
      const gi = (n: number, oc: number, oy: number, ox: number) => gv[((n * O + oc) * OH + oy) * OW + ox];
      // the input's gradient
      const dx = new Array<number>(N * C * H * W).fill(0);
      for (let n = 0; n < N; n++)
        for (let ch = 0; ch < C; ch++) {
          const grp = Math.floor(ch / Cg);
          const c = ch - grp * Cg;
          const o0 = grp * Og;
          for (let y = 0; y < H; y++)
            for (let xx = 0; xx < W; xx++) {
              // the output positions tap (i, j) of (y, xx) feeds, or null
              const at = (i: number, j: number): [number, number] | null => {
                const ty = y + ph - i * dh;
                const tx = xx + pw - j * dw;
                if (ty % sh !== 0 || tx % sw !== 0) return null;
                const oy = ty / sh;
                const ox = tx / sw;
                return oy >= 0 && oy < OH && ox >= 0 && ox < OW ? [oy, ox] : null;
              };
              const wAt = (oc: number, i: number, j: number) => wv[((oc * Cg + c) * kh + i) * kw + j];
              let total = 0;
              if (!oneDnn) {
                for (let i = 0; i < kh; i++)
                  for (let j = 0; j < kw; j++) {
                    const p = at(i, j);
                    if (!p) continue;
                    let inner = 0;
                    for (let k = 0; k < Og; k++) inner = r(inner + r(wAt(o0 + k, i, j) * gi(n, o0 + k, p[0], p[1])));
                    total = r(total + inner);
                  }
              } else if (sh === 1 && sw === 1) {
                for (let kb = 0; kb < Og; kb += 16) {
                  let acc = 0;
                  for (let i = 0; i < kh; i++)
                    for (let j = 0; j < kw; j++) {
                      const p = at(i, j);
                      if (!p) continue;
                      for (let k = kb; k < Math.min(Og, kb + 16); k++) acc = fused(wAt(o0 + k, i, j), gi(n, o0 + k, p[0], p[1]), acc);
                    }
                  total = kb === 0 ? acc : r(total + acc);
                }
              } else if (W % sw === 0) {
                // brgconv_strided with the width a multiple of the stride: one chain per kw tap, the taps added
                let first = true;
                for (let j = 0; j < kw; j++) {
                  let acc = 0;
                  let any = false;
                  for (let i = 0; i < kh; i++) {
                    const p = at(i, j);
                    if (!p) continue;
                    any = true;
                    for (let k = 0; k < Og; k++) acc = fused(wAt(o0 + k, i, j), gi(n, o0 + k, p[0], p[1]), acc);
                  }
                  if (!any) continue;
                  total = first ? acc : r(total + acc);
                  first = false;
                }
              } else {
                // brgconv_strided otherwise: one chain over (kh, kw, output channel)
                for (let i = 0; i < kh; i++)
                  for (let j = 0; j < kw; j++) {
                    const p = at(i, j);
                    if (!p) continue;
                    for (let k = 0; k < Og; k++) total = fused(wAt(o0 + k, i, j), gi(n, o0 + k, p[0], p[1]), total);
                  }
              }
              dx[((n * C + ch) * H + y) * W + xx] = total;
            }
        }
      // the weight's gradient
      const dw_ = new Array<number>(O * Cg * kh * kw);
      for (let oc = 0; oc < O; oc++) {
        const c0 = Math.floor(oc / Og) * Cg;
        for (let c = 0; c < Cg; c++)
          for (let i = 0; i < kh; i++)
            for (let j = 0; j < kw; j++) {
              let acc = 0;
              for (let n = 0; n < N; n++)
                for (let oy = 0; oy < OH; oy++) {
                  const y = oy * sh - ph + i * dh;
                  for (let ox = 0; ox < OW; ox++) {
                    const xx = ox * sw - pw + j * dw;
                    const inside = y >= 0 && y < H && xx >= 0 && xx < W;
                    if (oneDnn) {
                      if (inside) acc = fused(gi(n, oc, oy, ox), xv[((n * C + c0 + c) * H + y) * W + xx], acc);
                    } else acc = r(acc + r(gi(n, oc, oy, ox) * (inside ? xv[((n * C + c0 + c) * H + y) * W + xx] : 0)));
                  }
                }
              dw_[((oc * Cg + c) * kh + i) * kw + j] = acc;
            }
      }
      // the bias's gradient
      const made = (v: number[], shape: number[]) => created(fromValues(xs.rt, v, shape, xs.dtype), "convolution_backward");
      let db: Tensor | null = null;
      if (bias) {
        if (oneDnn) {
          const sums = new Array<number>(O).fill(0);
          for (let oc = 0; oc < O; oc++) for (let n = 0; n < N; n++) for (let q = 0; q < OH * OW; q++) sums[oc] = r(sums[oc] + gv[(n * O + oc) * OH * OW + q]);
          db = made(sums, [O]);
        } else db = sum(grad!, [0, 2, 3]);
      }
      return [made(dx, [N, C, H, W]), made(dw_, ws.shape.slice()), db];
    },
  });
}
