// The loops of conv2d (conv.ts holds the rules: which algorithm ATen picks and the order each one
// adds in). Each loop is the rule written over typed arrays with the tap geometry precomputed,
// so a small CNN trains in seconds; the arithmetic, and its order, is the rule's to the bit.
import { allocate, type Storage32 } from "../dtype.ts";
import { fmaf } from "../random/float32Math.ts";
import { fma } from "../random/fma.ts";

export interface ConvGeometry {
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

type Data = ArrayLike<number>;
const identity = (v: number): number => v;

function arithmetic(f64: boolean): { r: (v: number) => number; fused: (a: number, b: number, c: number) => number } {
  return f64 ? { r: identity, fused: fma } : { r: Math.fround, fused: fmaf };
}

/** for each output row (or column) and kernel tap, the input row it reads, or -1 in the padding */
function inputTaps(outSize: number, k: number, stride: number, pad: number, dil: number, inSize: number): Int32Array {
  const taps = new Int32Array(outSize * k);
  for (let o = 0; o < outSize; o++)
    for (let i = 0; i < k; i++) {
      const y = o * stride - pad + i * dil;
      taps[o * k + i] = y >= 0 && y < inSize ? y : -1;
    }
  return taps;
}

/** for each input row (or column) and kernel tap, the output row it feeds, or -1 */
function outputTaps(inSize: number, k: number, stride: number, pad: number, dil: number, outSize: number): Int32Array {
  const taps = new Int32Array(inSize * k);
  for (let y = 0; y < inSize; y++)
    for (let i = 0; i < k; i++) {
      const t = y + pad - i * dil;
      const o = t / stride;
      taps[y * k + i] = t % stride === 0 && o >= 0 && o < outSize ? o : -1;
    }
  return taps;
}

/** the arithmetic, group sizes and, per output position and tap, the input row and column read */
function forwardPlan(g: ConvGeometry, f64: boolean) {
  return {
    ...arithmetic(f64),
    Cg: g.C / g.G,
    Og: g.O / g.G,
    rows: inputTaps(g.OH, g.kh, g.sh, g.ph, g.dh, g.H),
    cols: inputTaps(g.OW, g.kw, g.sw, g.pw, g.dw, g.W),
  };
}

export function convForward(x: Data, w: Data, b: Data | null, g: ConvGeometry, oneDnn: boolean, f64: boolean): Storage32 {
  const { r, fused, Cg, Og, rows, cols } = forwardPlan(g, f64);
  const { N, C, H, W, O, kh, kw, OH, OW } = g;
  const wStrideC = kh * kw;
  const xStrideC = H * W;
  const out = allocate(f64 ? "float64" : "float32", N * O * OH * OW);
  let at = 0;
  for (let n = 0; n < N; n++)
    for (let oc = 0; oc < O; oc++) {
      const xGroup = (n * C + Math.floor(oc / Og) * Cg) * xStrideC;
      const wOc = oc * Cg * wStrideC;
      for (let oy = 0; oy < OH; oy++)
        for (let ox = 0; ox < OW; ox++) {
          let total = 0;
          if (!oneDnn) {
            total = b ? b[oc] : 0;
            for (let c = 0; c < Cg; c++)
              for (let i = 0; i < kh; i++) {
                const y = rows[oy * kh + i];
                for (let j = 0; j < kw; j++) {
                  const xx = cols[ox * kw + j];
                  const v = y >= 0 && xx >= 0 ? x[xGroup + c * xStrideC + y * W + xx] : 0;
                  total = r(total + r(w[wOc + c * wStrideC + i * kw + j] * v));
                }
              }
          } else
            for (let cb = 0; cb < Cg; cb += 16) {
              const cEnd = Math.min(Cg, cb + 16);
              let acc = 0;
              for (let i = 0; i < kh; i++) {
                const y = rows[oy * kh + i];
                if (y < 0) continue;
                for (let j = 0; j < kw; j++) {
                  const xx = cols[ox * kw + j];
                  if (xx < 0) continue;
                  let wi = wOc + cb * wStrideC + i * kw + j;
                  let xi = xGroup + cb * xStrideC + y * W + xx;
                  for (let c = cb; c < cEnd; c++, wi += wStrideC, xi += xStrideC) acc = fused(w[wi], x[xi], acc);
                }
              }
              total = cb === 0 ? (b ? r(acc + b[oc]) : acc) : r(total + acc);
            }
          out[at++] = total;
        }
    }
  return out;
}

/** the input's gradient, in the order of the algorithm conv.ts describes */
export function convInputGrad(gv: Data, wv: Data, g: ConvGeometry, oneDnn: boolean, f64: boolean): Storage32 {
  const { r, fused } = arithmetic(f64);
  const { N, C, H, W, O, kh, kw, OH, OW, sh, sw, G } = g;
  const Cg = C / G;
  const Og = O / G;
  const rows = outputTaps(H, kh, sh, g.ph, g.dh, OH);
  const cols = outputTaps(W, kw, sw, g.pw, g.dw, OW);
  const gStrideK = OH * OW;
  const wStrideK = Cg * kh * kw;
  const mode = !oneDnn ? "thnn" : sh === 1 && sw === 1 ? "blocks" : W % sw === 0 ? "taps" : "chain";
  const dx = allocate(f64 ? "float64" : "float32", N * C * H * W);
  let at = 0;
  for (let n = 0; n < N; n++)
    for (let ch = 0; ch < C; ch++) {
      const grp = Math.floor(ch / Cg);
      const c = ch - grp * Cg;
      const o0 = grp * Og;
      const gGroup = (n * O + o0) * gStrideK;
      const wGroup = (o0 * Cg + c) * kh * kw;
      for (let y = 0; y < H; y++)
        for (let xx = 0; xx < W; xx++) {
          let total = 0;
          if (mode === "thnn") {
            for (let i = 0; i < kh; i++) {
              const oy = rows[y * kh + i];
              for (let j = 0; j < kw; j++) {
                const ox = cols[xx * kw + j];
                if (oy < 0 || ox < 0) continue;
                let inner = 0;
                let gi = gGroup + oy * OW + ox;
                let wi = wGroup + i * kw + j;
                for (let k = 0; k < Og; k++, gi += gStrideK, wi += wStrideK) inner = r(inner + r(wv[wi] * gv[gi]));
                total = r(total + inner);
              }
            }
          } else if (mode === "blocks") {
            for (let kb = 0; kb < Og; kb += 16) {
              const kEnd = Math.min(Og, kb + 16);
              let acc = 0;
              for (let i = 0; i < kh; i++) {
                const oy = rows[y * kh + i];
                for (let j = 0; j < kw; j++) {
                  const ox = cols[xx * kw + j];
                  if (oy < 0 || ox < 0) continue;
                  let gi = gGroup + kb * gStrideK + oy * OW + ox;
                  let wi = wGroup + kb * wStrideK + i * kw + j;
                  for (let k = kb; k < kEnd; k++, gi += gStrideK, wi += wStrideK) acc = fused(wv[wi], gv[gi], acc);
                }
              }
              total = kb === 0 ? acc : r(total + acc);
            }
          } else if (mode === "taps") {
            // brgconv_strided with the width a multiple of the stride: one chain per kw tap, the taps added
            let first = true;
            for (let j = 0; j < kw; j++) {
              const ox = cols[xx * kw + j];
              let acc = 0;
              let any = false;
              for (let i = 0; i < kh; i++) {
                const oy = rows[y * kh + i];
                if (oy < 0 || ox < 0) continue;
                any = true;
                let gi = gGroup + oy * OW + ox;
                let wi = wGroup + i * kw + j;
                for (let k = 0; k < Og; k++, gi += gStrideK, wi += wStrideK) acc = fused(wv[wi], gv[gi], acc);
              }
              if (!any) continue;
              total = first ? acc : r(total + acc);
              first = false;
            }
          } else {
            // brgconv_strided otherwise: one chain over (kh, kw, output channel)
            for (let i = 0; i < kh; i++) {
              const oy = rows[y * kh + i];
              for (let j = 0; j < kw; j++) {
                const ox = cols[xx * kw + j];
                if (oy < 0 || ox < 0) continue;
                let gi = gGroup + oy * OW + ox;
                let wi = wGroup + i * kw + j;
                for (let k = 0; k < Og; k++, gi += gStrideK, wi += wStrideK) total = fused(wv[wi], gv[gi], total);
              }
            }
          }
          dx[at++] = total;
        }
    }
  return dx;
}

/** the weight's gradient: one chain over (n, oh, ow) per weight element */
export function convWeightGrad(gv: Data, xv: Data, g: ConvGeometry, oneDnn: boolean, f64: boolean): Storage32 {
  const { r, fused, Cg, Og, rows, cols } = forwardPlan(g, f64);
  const { N, C, H, W, O, kh, kw, OH, OW } = g;
  const dw = allocate(f64 ? "float64" : "float32", O * Cg * kh * kw);
  let at = 0;
  for (let oc = 0; oc < O; oc++) {
    const c0 = Math.floor(oc / Og) * Cg;
    for (let c = 0; c < Cg; c++)
      for (let i = 0; i < kh; i++)
        for (let j = 0; j < kw; j++) {
          let acc = 0;
          for (let n = 0; n < N; n++) {
            const xPlane = (n * C + c0 + c) * H * W;
            let gi = (n * O + oc) * OH * OW;
            for (let oy = 0; oy < OH; oy++) {
              const y = rows[oy * kh + i];
              for (let ox = 0; ox < OW; ox++, gi++) {
                const xx = cols[ox * kw + j];
                const inside = y >= 0 && xx >= 0;
                if (oneDnn) {
                  if (inside) acc = fused(gv[gi], xv[xPlane + y * W + xx], acc);
                } else acc = r(acc + r(gv[gi] * (inside ? xv[xPlane + y * W + xx] : 0)));
              }
            }
          }
          dw[at++] = acc;
        }
  }
  return dw;
}
