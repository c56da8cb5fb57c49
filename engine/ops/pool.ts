// max_pool2d (with indices: MaxPool2DWithIndicesBackward0) and avg_pool2d (AvgPool2DBackward0) over
// (N, C, H, W) or (C, H, W) input, as ATen 2.6's CPU kernels compute them: the max of each window in
// row order (the first largest wins, NaN propagates; its flat index in the plane is kept), the average
// as a float sum over the window divided by the window's size (with or without the padding). The
// gradients add into the input in output order. Their second derivatives are PyTorch's: a gather
// of the incoming gradient at the indices, and avg_pool2d of it.
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { gather } from "./gather_scatter.ts";
import { zerosLikeT } from "./unary.ts";
import { reshape, view } from "./views.ts";

type Pair = [number, number];

/** ATen's pooling_output_shape */
function outSize(size: number, k: number, pad: number, stride: number, dil: number, ceil: boolean): number {
  let o = Math.floor((size + 2 * pad - dil * (k - 1) - 1 + (ceil ? stride - 1 : 0)) / stride) + 1;
  if (ceil && (o - 1) * stride >= size + pad) o--;
  return o;
}

interface Plan {
  planes: number;
  H: number;
  W: number;
  OH: number;
  OW: number;
  outShape: number[];
}

function plan(x: Tensor, k: Pair, s: Pair, p: Pair, d: Pair, ceil: boolean): Plan {
  if ((x.dim() !== 3 && x.dim() !== 4) || x.numel === 0) throw runtimeError("non-empty 3D or 4D (batch mode) tensor expected for input");
  if (k[0] <= 0 || k[1] <= 0) throw runtimeError(`kernel size should be greater than zero, but got kH: ${k[0]} kW: ${k[1]}`);
  if (s[0] <= 0 || s[1] <= 0) throw runtimeError(`stride should be greater than zero, but got dH: ${s[0]} dW: ${s[1]}`);
  if (d[0] <= 0 || d[1] <= 0) throw runtimeError(`dilation should be greater than zero, but got dilationH: ${d[0]} dilationW: ${d[1]}`);
  for (const i of [0, 1])
    if (p[i] > Math.floor(k[i] / 2))
      throw runtimeError(`pad should be at most half of effective kernel size, but got pad=${p[i]}, kernel_size=${k[i]} and dilation=${d[i]}`);
  const H = x.shape[x.dim() - 2];
  const W = x.shape[x.dim() - 1];
  const OH = outSize(H, k[0], p[0], s[0], d[0], ceil);
  const OW = outSize(W, k[1], p[1], s[1], d[1], ceil);
  const lead = x.shape.slice(0, -2);
  if (OH < 1 || OW < 1) {
    const c = x.shape[x.dim() - 3];
    throw runtimeError(`Given input size: (${c}x${H}x${W}). Calculated output size: (${c}x${OH}x${OW}). Output size is too small`);
  }
  return { planes: numelOf(lead), H, W, OH, OW, outShape: [...lead, OH, OW] };
}

export function maxPool2d(x: Tensor, k: Pair, s: Pair, p: Pair, d: Pair, ceil: boolean): [Tensor, Tensor] {
  if (x.dtype !== "float32" && x.dtype !== "float64") throw runtimeError(`"max_pool2d" not implemented for '${x.dtype === "int64" ? "Long" : "Bool"}'`);
  const { planes, H, W, OH, OW, outShape } = plan(x, k, s, p, d, ceil);
  const v = x.values();
  const out = new Array<number>(planes * OH * OW);
  const idx = new Array<number>(planes * OH * OW);
  for (let q = 0; q < planes; q++)
    for (let oh = 0; oh < OH; oh++)
      for (let ow = 0; ow < OW; ow++) {
        let ih0 = oh * s[0] - p[0];
        let iw0 = ow * s[1] - p[1];
        const ih1 = Math.min(ih0 + (k[0] - 1) * d[0] + 1, H);
        const iw1 = Math.min(iw0 + (k[1] - 1) * d[1] + 1, W);
        while (ih0 < 0) ih0 += d[0];
        while (iw0 < 0) iw0 += d[1];
        let best = -Infinity;
        let at = ih0 * W + iw0;
        for (let ih = ih0; ih < ih1; ih += d[0])
          for (let iw = iw0; iw < iw1; iw += d[1]) {
            const val = v[q * H * W + ih * W + iw];
            if (val > best || Number.isNaN(val)) {
              best = val;
              at = ih * W + iw;
            }
          }
        const o = (q * OH + oh) * OW + ow;
        out[o] = best;
        idx[o] = at;
      }
  const indices = created(fromValues(x.rt, idx, outShape.slice(), "int64"), "max_pool2d_with_indices");
  const result = fromValues(x.rt, out, outShape, x.dtype);
  const inShape = x.shape.slice();
  const node = record(result, {
    op: "max_pool2d",
    gradFn: "MaxPool2DWithIndicesBackward0",
    inputs: [x],
    save: { self: x, result1: indices },
    args: { kernel_size: k.slice(), stride: s.slice(), padding: p.slice(), dilation: d.slice(), ceil_mode: ceil },
    backward: ([g], n) => [maxPool2dBackward(g!, n.unpack("self"), n.unpack("result1"), inShape, H * W)],
  });
  return [node, indices];
}

function maxPool2dBackward(g: Tensor, self: Tensor, indices: Tensor, inShape: number[], plane: number): Tensor {
  const r = g.dtype === "float32" ? Math.fround : (v: number) => v;
  const gv = g.values();
  const iv = indices.values();
  const per = iv.length / Math.max(1, numelOf(inShape) / plane);
  const dx = new Array<number>(numelOf(inShape)).fill(0);
  for (let o = 0; o < iv.length; o++) {
    const at = Math.floor(o / per) * plane + iv[o];
    dx[at] = r(dx[at] + gv[o]);
  }
  return record(fromValues(g.rt, dx, inShape.slice(), g.dtype), {
    op: "max_pool2d_backward",
    gradFn: "MaxPool2DWithIndicesBackwardBackward0",
    inputs: [g, self],
    save: { indices, self },
    backward: ([gg], n) => {
      // max_pool_double_backward: the incoming gradient gathered at the indices, in the output's shape
      const ind = n.unpack("indices");
      const lead = ind.shape.slice(0, -2);
      const flatIdx = reshape(ind, [...lead, -1]);
      const flat = reshape(gg!, [...lead, plane]);
      return [view(gather(flat, -1, flatIdx), ind.shape.slice()), zerosLikeT(n.unpack("self"))];
    },
  });
}

export function avgPool2d(x: Tensor, k: Pair, s: Pair, p: Pair, ceil: boolean, countIncludePad: boolean): Tensor {
  if (x.dtype !== "float32" && x.dtype !== "float64") throw runtimeError(`"avg_pool2d" not implemented for '${x.dtype === "int64" ? "Long" : "Bool"}'`);
  const { planes, H, W, OH, OW, outShape } = plan(x, k, s, p, [1, 1], ceil);
  const r = x.dtype === "float32" ? Math.fround : (v: number) => v;
  // each output's window (clipped to the input) and its divisor
  const windows = (oh: number, ow: number): [number, number, number, number, number] => {
    let ih0 = oh * s[0] - p[0];
    let iw0 = ow * s[1] - p[1];
    let ih1 = Math.min(ih0 + k[0], H + p[0]);
    let iw1 = Math.min(iw0 + k[1], W + p[1]);
    const poolSize = (ih1 - ih0) * (iw1 - iw0);
    ih0 = Math.max(ih0, 0);
    iw0 = Math.max(iw0, 0);
    ih1 = Math.min(ih1, H);
    iw1 = Math.min(iw1, W);
    return [ih0, ih1, iw0, iw1, countIncludePad ? poolSize : (ih1 - ih0) * (iw1 - iw0)];
  };
  const v = x.values();
  const out = new Array<number>(planes * OH * OW);
  for (let q = 0; q < planes; q++)
    for (let oh = 0; oh < OH; oh++)
      for (let ow = 0; ow < OW; ow++) {
        const [ih0, ih1, iw0, iw1, div] = windows(oh, ow);
        let acc = 0;
        for (let ih = ih0; ih < ih1; ih++) for (let iw = iw0; iw < iw1; iw++) acc = r(acc + v[q * H * W + ih * W + iw]);
        out[(q * OH + oh) * OW + ow] = ih0 >= ih1 || iw0 >= iw1 ? 0 : r(acc / div);
      }
  const inShape = x.shape.slice();
  const backward = (g: Tensor): Tensor => {
    const gv = g.values();
    const dx = new Array<number>(numelOf(inShape)).fill(0);
    for (let q = 0; q < planes; q++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          const [ih0, ih1, iw0, iw1, div] = windows(oh, ow);
          const delta = r(gv[(q * OH + oh) * OW + ow] / div);
          for (let ih = ih0; ih < ih1; ih++) for (let iw = iw0; iw < iw1; iw++) dx[q * H * W + ih * W + iw] = r(dx[q * H * W + ih * W + iw] + delta);
        }
    return record(fromValues(g.rt, dx, inShape.slice(), g.dtype), {
      op: "avg_pool2d_backward",
      gradFn: "AvgPool2DBackwardBackward0",
      inputs: [g],
      backward: ([gg]) => [avgPool2d(gg!, k, s, p, ceil, countIncludePad)],
    });
  };
  return record(fromValues(x.rt, out, outShape, x.dtype), {
    op: "avg_pool2d",
    gradFn: "AvgPool2DBackward0",
    inputs: [x],
    args: { kernel_size: k.slice(), stride: s.slice(), padding: p.slice(), ceil_mode: ceil, count_include_pad: countIncludePad },
    backward: ([g]) => [backward(g!)],
  });
}
