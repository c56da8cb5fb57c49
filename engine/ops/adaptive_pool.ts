// adaptive_avg_pool2d (F.adaptive_avg_pool2d, nn.AdaptiveAvgPool2d) as ATen 2.6 computes it on CPU:
// an output of 1×1 is input.mean((-1, -2), keepdim=True) (MeanBackward1); any other size averages,
// for output row oh, input rows floor(oh·H/OH) up to ceil((oh+1)·H/OH) (columns likewise), summed in
// row order in the input's dtype and divided by the rows then by the columns
// (AdaptiveAvgPool2DBackward0). Backward adds grad / rows / cols into each window in output order;
// its own derivative pools the gradient again (AdaptiveAvgPool2DBackwardBackward0).
import { record } from "../autograd/record.ts";
import { allocate, atenTypeName, isFloating } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { fromStorage, numelOf, type Tensor } from "../tensor.ts";
import { mean } from "./reduce.ts";
import { zerosLikeT } from "./unary.ts";

const sizeText = (s: readonly number[]) => `[${s.join(", ")}]`;

/** the window of output index o of n over an input of size m: [start, end) */
const windowStart = (o: number, n: number, m: number): number => Math.floor((o * m) / n);
const windowEnd = (o: number, n: number, m: number): number => Math.ceil(((o + 1) * m) / n);

/** each output element's window, in output order: f(output index, rows [ih0, ih1), columns [iw0, iw1)),
 *  with indices into planes of H×W */
function forEachWindow(planes: number, H: number, W: number, OH: number, OW: number, f: (o: number, base: number, ih0: number, ih1: number, iw0: number, iw1: number) => void): void {
  let o = 0;
  for (let q = 0; q < planes; q++)
    for (let oh = 0; oh < OH; oh++) {
      const ih0 = windowStart(oh, OH, H);
      const ih1 = windowEnd(oh, OH, H);
      for (let ow = 0; ow < OW; ow++) f(o++, q * H * W, ih0, ih1, windowStart(ow, OW, W), windowEnd(ow, OW, W));
    }
}

export function adaptiveAvgPool2d(x: Tensor, outputSize: readonly number[]): Tensor {
  if (outputSize.length !== 2) throw runtimeError("adaptive_avg_pool2d: output_size must be 2");
  const [OH, OW] = outputSize;
  if (OH < 0 || OW < 0)
    throw runtimeError(`adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {${OH}, ${OW}}`);
  if (OH === 1 && OW === 1) return mean(x, [-1, -2], true);
  return pooled(x, OH, OW);
}

function pooled(x: Tensor, OH: number, OW: number): Tensor {
  const nd = x.dim();
  for (const i of [-2, -1])
    if (nd >= 2 && x.shape[nd + i] <= 0)
      throw runtimeError(
        `adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes ${sizeText(x.shape)} with dimension ${i + nd} being empty`,
      );
  if (nd !== 3 && nd !== 4) throw runtimeError(`adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got ${sizeText(x.shape)}`);
  if (!isFloating(x.dtype)) throw runtimeError(`"adaptive_avg_pool2d" not implemented for '${atenTypeName(x.dtype)}'`);
  const H = x.shape[nd - 2];
  const W = x.shape[nd - 1];
  const lead = x.shape.slice(0, -2);
  const planes = numelOf(lead);
  const r = x.dtype === "float32" ? Math.fround : (v: number) => v;
  const v = x.contiguousData();
  const out = allocate(x.dtype, planes * OH * OW);
  forEachWindow(planes, H, W, OH, OW, (o, base, ih0, ih1, iw0, iw1) => {
    let sum = 0;
    for (let ih = ih0; ih < ih1; ih++) for (let iw = iw0; iw < iw1; iw++) sum = r(sum + v[base + ih * W + iw]);
    out[o] = r(r(sum / (ih1 - ih0)) / (iw1 - iw0));
  });
  const inShape = x.shape.slice();
  return record(fromStorage(x.rt, out, [...lead, OH, OW], x.dtype), {
    op: "adaptive_avg_pool2d",
    gradFn: "AdaptiveAvgPool2DBackward0",
    inputs: [x],
    save: { self: x },
    backward: ([g], n) => [poolBackward(g!, n.unpack("self"), inShape, OH, OW)],
  });
}

function poolBackward(g: Tensor, self: Tensor, inShape: number[], OH: number, OW: number): Tensor {
  const nd = inShape.length;
  const H = inShape[nd - 2];
  const W = inShape[nd - 1];
  const planes = numelOf(inShape.slice(0, -2));
  const r = g.dtype === "float32" ? Math.fround : (v: number) => v;
  const gv = g.contiguousData();
  const dx = allocate(g.dtype, numelOf(inShape));
  forEachWindow(planes, H, W, OH, OW, (o, base, ih0, ih1, iw0, iw1) => {
    const delta = r(r(gv[o] / (ih1 - ih0)) / (iw1 - iw0));
    for (let ih = ih0; ih < ih1; ih++) for (let iw = iw0; iw < iw1; iw++) dx[base + ih * W + iw] = r(dx[base + ih * W + iw] + delta);
  });
  return record(fromStorage(g.rt, dx, inShape.slice(), g.dtype), {
    op: "adaptive_avg_pool2d_backward",
    gradFn: "AdaptiveAvgPool2DBackwardBackward0",
    inputs: [g, self],
    save: { self },
    // the formula's: the incoming gradient pooled again, zeros for self
    backward: ([gg], n) => [pooled(gg!, OH, OW), zerosLikeT(n.unpack("self"))],
  });
}
