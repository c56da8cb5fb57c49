// GELU (exact and tanh), softplus, ELU and SiLU as ATen 2.6's CPU kernels compute them: each is a
// cpu_kernel_vec loop, the vector lambda (SLEEF's exp/log1p/tanh, ATen's own float32 erf, GCC's fused
// multiply-adds) over blocks of two AVX2 vectors and the scalar lambda (glibc's libm) on the tail.
// The backward kernels (gelu_backward, softplus_backward, elu_backward, silu_backward) likewise; each
// forward was matched bit for bit against PyTorch on random float32 inputs. Their second derivatives
// (GeluBackwardBackward0's backward...) are in activation_double.ts.
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { allocate } from "../dtype.ts";
import { fmaf } from "../random/float32Math.ts";
import { fma } from "../random/fma.ts";
import { fromStorage, type Tensor } from "../tensor.ts";
import { broadcastShapes } from "./kernel.ts";
import { broadcastValues } from "./broadcast_read.ts";
import { erfFloat32, erfValue } from "./erf.ts";
import { expf, log1pf, sleefTanhf } from "./sleef/float32.ts";
import { exp as exp64, tanh as tanh64 } from "./sleef/float64.ts";
import { log1p as log1p64 } from "./sleef/float64_log.ts";
import { erf as erf64 } from "./sleef/float64_erf.ts";
import { libmExp } from "../random/libmExp.ts";
import { onednnGelu, onednnGeluDerivative } from "./onednn_gelu.ts";
import { add, mul } from "./arith.ts";
import { zerosLikeT } from "./unary.ts";
import { eluDoubleBackward, geluDoubleBackward, siluBackwardComposite, softplusDoubleBackward } from "./activation_double.ts";

type Fn1 = (x: number) => number;

/** the arithmetic of one loop: rounding, multiply-add (fused in GCC's vector code only) and libm */
interface Arith {
  r: Fn1;
  fma: (a: number, b: number, c: number) => number;
  exp: Fn1;
  log1p: Fn1;
  erf: Fn1;
  tanh: Fn1;
  /** gelu_backward's cdf + x * pdf where GCC did not fuse it (float64's scalar tail, measured) */
  mulAddGelu?: (a: number, b: number, c: number) => number;
}
const fr = Math.fround;
/** per dtype: the vector lambda's arithmetic (SLEEF, ATen's erf, fused) and the scalar tail's (glibc) */
interface Loop {
  block: number;
  vec: Arith;
  tail: Arith;
}
const F32: Loop = {
  block: 16,
  vec: { r: fr, fma: fmaf, exp: expf, log1p: log1pf, erf: erfFloat32, tanh: sleefTanhf },
  tail: {
    r: fr,
    fma: fmaf,
    exp: (x) => fr(Math.exp(x)),
    log1p: (x) => fr(Math.log1p(x)),
    erf: (x) => fr(erfValue(x)),
    tanh: (x) => fr(Math.tanh(x)),
  },
};
const id: Fn1 = (x) => x;
const F64: Loop = {
  block: 8,
  vec: { r: id, fma, exp: exp64, log1p: log1p64, erf: erf64, tanh: tanh64 },
  // glibc: its exp (libmExp); JS stands in for log1p and tanh (fdlibm, as glibc's log1p; can differ in the last bit)
  tail: { r: id, fma, mulAddGelu: (a, b, c) => a * b + c, exp: libmExp, log1p: Math.log1p, erf: (x) => erfValue(x, libmExp), tanh: Math.tanh },
};

function arithOf(x: Tensor, name: string): Loop {
  if (x.dtype === "float32") return F32;
  if (x.dtype === "float64") return F64;
  const t = x.dtype === "int64" ? "Long" : x.dtype === "bool" ? "Bool" : "Int";
  throw runtimeError(`"${name}" not implemented for '${t}'`);
}

/** cpu_kernel_vec over x: `vec` on whole blocks of two vectors, `tail` on the rest */
function map1(x: Tensor, a: Loop, f: (v: number, k: Arith) => number): Tensor {
  const src = x.values();
  const n = src.length;
  const out = allocate(x.dtype, n) as Float32Array | Float64Array;
  const end = n - (n % a.block);
  for (let i = 0; i < end; i++) out[i] = f(src[i], a.vec);
  for (let i = end; i < n; i++) out[i] = f(src[i], a.tail);
  return fromStorage(x.rt, out, x.shape.slice(), x.dtype);
}

/** the two-input loop of a backward kernel (grad, saved input), grad broadcast to the input's shape */
function map2(g: Tensor, s: Tensor, a: Loop, f: (g: number, s: number, k: Arith) => number): Tensor {
  const shape = broadcastShapes(g.shape, s.shape);
  const gv = broadcastValues(g, shape);
  const sv = broadcastValues(s, shape);
  const n = gv.length;
  const out = allocate(s.dtype, n) as Float32Array | Float64Array;
  const end = n - (n % a.block);
  for (let i = 0; i < end; i++) out[i] = f(gv[i], sv[i], a.vec);
  for (let i = end; i < n; i++) out[i] = f(gv[i], sv[i], a.tail);
  return fromStorage(s.rt, out, shape, s.dtype);
}

/** an activation node: out = forward(x), saving self; grad_in = backwardKernel(grad, self) */
function activation(x: Tensor, op: string, gradFn: string, out: Tensor, backward: (g: Tensor, self: Tensor) => Tensor, args?: Record<string, number | boolean>): Tensor {
  return record(out, {
    op,
    gradFn,
    inputs: [x],
    save: { self: x },
    args,
    backward: ([g], node) => [backward(g!, node.unpack("self"))],
    // derivatives.yaml's auto_element_wise: the backward kernel with the tangent for grad
    jvp: ([t]) => backward(t!, x),
  });
}

/** the backward kernel as an op of its own (GeluBackwardBackward0...), as under create_graph in
 *  PyTorch; its derivative in grad_output is the backward kernel again, in self the op's double
 *  backward (activation_double.ts), grad_output's computed first as PyTorch's generated code does */
function backwardOp(
  name: string,
  gradFn: string,
  g: Tensor,
  self: Tensor,
  out: Tensor,
  again: (gg: Tensor, self: Tensor) => Tensor,
  double: (gg: Tensor, gO: Tensor, self: Tensor) => Tensor,
): Tensor {
  return record(out, {
    op: `${name}_backward`,
    gradFn,
    inputs: [g, self],
    save: { grad_output: g, self },
    backward: ([gg], node) => {
      const s = node.unpack("self");
      const dGradOutput = node.needs(0) ? again(gg!, s) : null;
      return [dGradOutput, node.needs(1) ? double(gg!, node.unpack("grad_output"), s) : null];
    },    // derivatives.yaml: X_backward(grad_output_t, self_p) + X_double_backward(self_t, grad_output_p, self_p)
    jvp: ([tg, ts]) => add(again(tg ?? zerosLikeT(g), self), double(ts ?? zerosLikeT(self), g, self)),
  });
}

const SQRT1_2 = Math.SQRT1_2;
const M_2_SQRTPI = 2 / Math.sqrt(Math.PI);
const GELU_TANH_BETA = Math.SQRT2 * M_2_SQRTPI * 0.5;

/** ATen's use_mkldnn: a contiguous float32 tensor of 2 or more elements goes to oneDNN */
const oneDnn = (x: Tensor): boolean => x.dtype === "float32" && x.numel > 1 && x.isContiguous();

export function gelu(x: Tensor, approximate: "none" | "tanh"): Tensor {
  const a = arithOf(x, "GeluKernelImpl");
  const alpha = SQRT1_2;
  const beta = GELU_TANH_BETA;
  const kappa = 0.044715;
  let out: Tensor;
  if (approximate === "none" && oneDnn(x)) out = map1(x, { ...a, block: 1 }, (v) => onednnGelu(v));
  else if (approximate === "none") out = map1(x, a, (v, k) => k.r(k.r(v * 0.5) * k.r(1 + k.erf(k.r(v * k.r(alpha))))));
  else
    out = map1(x, a, (v, k) => {
      const { r } = k;
      // x + kappa·x³: fused in the vector lambda, two roundings in the scalar tail (as measured)
      const inner = k === a.vec ? k.fma(r(kappa), r(r(v * v) * v), v) : r(v + r(r(kappa) * r(r(v * v) * v)));
      return r(r(0.5 * v) * r(1 + k.tanh(r(r(beta) * inner))));
    });
  return activation(x, "gelu", "GeluBackward0", out, (g, self) => geluBackward(g, self, approximate));
}

function geluBackwardValues(g: Tensor, self: Tensor, approximate: "none" | "tanh"): Tensor {
  const a = arithOf(self, "GeluBackwardKernelImpl");
  if (approximate === "tanh")
    return map2(g, self, a, (dy, x, k) => {
      const { r } = k;
      const beta = r(GELU_TANH_BETA);
      const kappa = r(0.044715);
      const xsq = r(x * x);
      const t = k.tanh(r(beta * k.fma(kappa, r(r(x * x) * x), x)));
      const left = r(0.5 * x);
      const leftD = r(0.5 * r(1 + t));
      const tanhD = k.fma(-t, t, 1);
      const innerD = r(beta * k.fma(r(3 * kappa), xsq, 1));
      // right_derivative is left·tanh'·inner' rounded whole, then added (not fused)
      return r(dy * r(leftD + r(r(left * tanhD) * innerD)));
    });
  if (oneDnn(self)) return map2(g, self, { ...a, block: 1 }, (dy, x) => fr(dy * onednnGeluDerivative(x)));
  return map2(g, self, a, (dy, x, k) => {
    const { r } = k;
    const cdf = r(0.5 * r(1 + k.erf(r(x * r(SQRT1_2)))));
    const pdf = r(r(M_2_SQRTPI * SQRT1_2 * 0.5) * k.exp(r(r(x * x) * -0.5)));
    return r(dy * (k.mulAddGelu ?? k.fma)(x, pdf, cdf));
  });
}

export function softplus(x: Tensor, beta: number, threshold: number): Tensor {
  const a = arithOf(x, "softplus_cpu");
  const out = map1(x, a, (v, { r, exp, log1p }) => (r(v * r(beta)) > r(threshold) ? v : r(log1p(exp(r(v * r(beta)))) / r(beta))));
  return activation(x, "softplus", "SoftplusBackward0", out, (g, self) => softplusBackward(g, self, beta, threshold), { beta, threshold });
}

function softplusBackwardValues(g: Tensor, self: Tensor, beta: number, threshold: number): Tensor {
  const a = arithOf(self, "softplus_backward_cpu");
  return map2(g, self, a, (dy, x, { r, exp }) => {
    const z = exp(r(x * r(beta)));
    return r(x * r(beta)) > r(threshold) ? dy : r(r(dy * z) / r(z + 1));
  });
}

/** elu, and selu/celu (EluBackward0, CeluBackward0) through it */
export function elu(x: Tensor, alpha: number, scale = 1, inputScale = 1, gradFn = "EluBackward0", backwardInputScale = inputScale): Tensor {
  const a = arithOf(x, "elu_cpu");
  const out = map1(x, a, (v, { r, exp }) => (v <= 0 ? r(r(exp(r(v * r(inputScale))) - 1) * r(r(alpha) * r(scale))) : r(v * r(scale))));
  return activation(x, "elu", gradFn, out, (g, self) => eluBackward(g, self, alpha, scale, backwardInputScale), { alpha, scale, input_scale: inputScale });
}

function eluBackwardValues(g: Tensor, self: Tensor, alpha: number, scale: number, inputScale: number): Tensor {
  const a = arithOf(self, "elu_backward_cpu");
  return map2(g, self, a, (dy, x, { r, exp }) => {
    const negipt = r(inputScale);
    return x <= 0 ? r(r(r(dy * negipt) * r(r(alpha) * r(scale))) * exp(r(x * negipt))) : r(dy * r(scale));
  });
}

export function silu(x: Tensor): Tensor {
  const a = arithOf(x, "silu_cpu");
  const out = map1(x, a, (v, { r, exp }) => r(v / r(1 + exp(-v))));
  return activation(x, "silu", "SiluBackward0", out, (g, self) => siluBackward(g, self));
}

function siluBackwardValues(g: Tensor, self: Tensor): Tensor {
  const a = arithOf(self, "silu_backward_cpu");
  return map2(g, self, a, (dy, x, k) => {
    const sig = k.r(1 / k.r(1 + k.exp(-x)));
    return k.r(k.r(dy * sig) * k.fma(x, k.r(1 - sig), 1));
  });
}

export const geluBackward = (g: Tensor, self: Tensor, approximate: "none" | "tanh"): Tensor =>
  backwardOp("gelu", "GeluBackwardBackward0", g, self, geluBackwardValues(g, self, approximate), (gg, s) => geluBackward(gg, s, approximate), (gg, gO, s) =>
    geluDoubleBackward(gg, gO, s, approximate),
  );

export const softplusBackward = (g: Tensor, self: Tensor, beta: number, threshold: number): Tensor =>
  backwardOp("softplus", "SoftplusBackwardBackward0", g, self, softplusBackwardValues(g, self, beta, threshold), (gg, s) => softplusBackward(gg, s, beta, threshold), (gg, gO, s) =>
    softplusDoubleBackward(mul(gg, gO), s, beta, threshold),
  );

export const eluBackward = (g: Tensor, self: Tensor, alpha: number, scale: number, inputScale: number): Tensor =>
  backwardOp("elu", "EluBackwardBackward0", g, self, eluBackwardValues(g, self, alpha, scale, inputScale), (gg, s) => eluBackward(gg, s, alpha, scale, inputScale), (gg, gO, s) =>
    eluDoubleBackward(gg, gO, inputScale, s, (t) => eluBackward(t, s, alpha, scale, inputScale)),
  );

/** silu_backward: the kernel (SiluBackwardBackward0), or under create_graph PyTorch's
 *  infinitely_differentiable_silu_backward, a graph of ordinary ops */
export const siluBackward = (g: Tensor, self: Tensor): Tensor =>
  self.rt.gradEnabled
    ? siluBackwardComposite(g, self)
    : backwardOp("silu", "SiluBackwardBackward0", g, self, siluBackwardValues(g, self), (gg, s) => siluBackward(gg, s), () => {
        throw runtimeError("internal: silu_backward recorded under grad mode");
      });
