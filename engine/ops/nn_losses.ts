// The elementwise losses of torch.nn.functional that ATen computes in one kernel each:
// binary_cross_entropy (BinaryCrossEntropyBackward0), huber_loss (HuberLossBackward0) and
// smooth_l1_loss (SmoothL1LossBackward0). Each kernel's formula runs in the tensor's dtype step by
// step as ATen's scalar code writes it, then the reduction is the tensor's mean or sum; the
// gradients are ATen's *_backward kernels, divided by numel for 'mean'.
import { unpromotedMismatch, type DType } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { add, div, divScalar, mul, rsub, sub } from "./arith.ts";
import { noTangentFormula, refuseTangents } from "../autograd/forward_ad.ts";
import { zerosLikeT } from "./unary.ts";
import { binaryMap, broadcastShapes, promote, unaryMap } from "./kernel.ts";
import { broadcastValues } from "./broadcast_read.ts";
import type { Reduction } from "./loss.ts";
import { mean, sum } from "./reduce.ts";


const roundingOf = (dtype: string) => (dtype === "float32" ? Math.fround : (v: number) => v);
const rounding = (t: Tensor) => roundingOf(t.dtype);

function reduce(loss: Tensor, reduction: Reduction): Tensor {
  return reduction === "mean" ? mean(loss) : reduction === "sum" ? sum(loss) : loss;
}

/** the loss as a new tensor whose grad_fn is `gradFn`, computed by `values` with grad mode off */
function lossNode(
  name: string,
  gradFn: string,
  input: Tensor,
  target: Tensor,
  values: () => Tensor,
  gradient: (g: Tensor, x: Tensor, t: Tensor, reduction: Reduction) => Tensor,
  reduction: Reduction,
  extra: Record<string, Tensor> = {},
  /** the tangent's term from the target's tangent (a missing one is zeros), unreduced */
  targetTerm: (tt: Tensor, x: Tensor, t: Tensor) => Tensor = (tt, x, t) => gradient(tt, t, x, "none"),
): Tensor {
  if (target.requiresGrad) throw runtimeError(`${name} with a target that requires grad is not in the Gradlens engine yet`);
  const value = input.rt.internally(() => reduce(values(), reduction));
  const out = fromValues(input.rt, value.values(), value.shape.slice(), value.dtype);
  return record(out, {
    op: name,
    gradFn,
    inputs: [input, target],
    save: { self: input, target, ...extra },
    backward: ([g], node) => {
      const x = node.unpack("self");
      const t = node.unpack("target");
      if (x.rt.gradEnabled && (g!.requiresGrad || x.requiresGrad))
        throw runtimeError(`the second derivative of ${name} is not in the Gradlens engine yet`);
      refuseTangents(x.rt, `${name}_backward`, [g!, x, t]);
      return [x.rt.internally(() => gradient(g!, x, t, reduction)), null];
    },
    // apply_loss_reduction(X_backward(self_t, self_p, target_p, None) + the target's term, reduction)
    jvp: ([tx, tt]) => {
      const rt = input.rt;
      if (rt.gradEnabled && (input.requiresGrad || !!tx?.requiresGrad || !!tt?.requiresGrad))
        throw noTangentFormula(`${name} of a tensor that requires grad (forward over reverse)`);
      return rt.internally(() => reduce(add(gradient(tx ?? zerosLikeT(input), input, target, "none"), targetTerm(tt ?? zerosLikeT(target), input, target)), reduction));
    },
  });
}

/** cpu_kernel_vec over (x, grad), both broadcast to one shape: `vec` on whole blocks of two
 *  vectors, `tail` on the rest; the result cast to `outDType` */
function blockwiseMap(
  x: Tensor,
  g: Tensor,
  inner: DType,
  outDType: DType,
  vec: (v: number, go: number) => number,
  tail: (v: number, go: number) => number,
): Tensor {
  const shape = broadcastShapes(x.shape, g.shape);
  const xv = broadcastValues(x, shape);
  const gv = broadcastValues(g, shape);
  const n = xv.length;
  const end = n - (n % (inner === "float64" ? 8 : 16));
  const r = roundingOf(inner);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = (i < end ? vec : tail)(r(xv[i]), r(gv[i]));
  return fromValues(x.rt, out, shape, outDType);
}

const EPSILON = 1e-12;

/** F.binary_cross_entropy: (t - 1)·max(log1p(-x), -100) - t·max(log(x), -100), times weight */
export function binaryCrossEntropy(input: Tensor, target: Tensor, weight: Tensor | null, reduction: Reduction): Tensor {
  const r = rounding(input);
  const values = (): Tensor => {
    const loss = binaryMap(input, target, input.dtype, input.dtype, (x, t) => {
      if (!(x >= 0 && x <= 1)) throw runtimeError("all elements of input should be between 0 and 1");
      if (!(t >= 0 && t <= 1)) throw runtimeError("all elements of target should be between 0 and 1");
      return r(r(r(t - 1) * Math.max(r(Math.log1p(r(-x))), -100)) - r(t * Math.max(r(Math.log(x)), -100)));
    });
    return weight ? mul(loss, weight) : loss;
  };
  // grad·(x - t) / max((1 - x)·x, EPSILON), times weight
  const gradient = (g: Tensor, x: Tensor, t: Tensor, reduction: Reduction): Tensor => {
    const eps = r(EPSILON);
    const denom = unaryMap(mul(rsub(x, 1), x), x.dtype, (v) => Math.max(v, eps));
    const grad = div(mul(g, sub(x, t)), denom);
    const weighted = weight ? mul(grad, weight) : grad;
    return reduction === "mean" ? divScalar(weighted, BigInt(x.numel)) : weighted;
  };
  // binary_cross_entropy_target_backward: -logit(x)·grad, times weight
  const targetTerm = (tt: Tensor, x: Tensor): Tensor => {
    const negLogit = unaryMap(x, x.dtype, (v) => -r(Math.log(r(v / r(1 - v)))));
    const term = binaryMap(negLogit, tt, x.dtype, x.dtype, (a, b) => a * b);
    return weight ? mul(term, weight) : term;
  };
  return lossNode("binary_cross_entropy", "BinaryCrossEntropyBackward0", input, target, values, gradient, reduction, weight ? { weight } : {}, targetTerm);
}

/** F.huber_loss: z = |x - t|; 0.5·z·z below delta, delta·(z - 0.5·delta) from it; the gradient is
 *  ATen's kernel with norm (1/numel for 'mean') folded in: norm·x·grad, ±norm·grad·delta outside */
export function huberLoss(input: Tensor, target: Tensor, reduction: Reduction, delta: number): Tensor {
  const r = rounding(input);
  const d = r(delta);
  const values = (): Tensor =>
    binaryMap(input, target, input.dtype, input.dtype, (x, t) => {
      const z = Math.abs(r(x - t));
      return z < d ? r(r(0.5 * z) * z) : r(d * r(z - r(0.5 * d)));
    });
  const gradient = (g: Tensor, x: Tensor, t: Tensor, reduction: Reduction): Tensor => {
    // huber_loss_backward does not promote: a target of another dtype fails here
    const mismatch = unpromotedMismatch(t.dtype, x.dtype);
    if (mismatch) throw runtimeError(mismatch);
    const norm = r(reduction === "mean" ? 1 / x.numel : 1);
    // the vector lambda clamps x to ±delta (float) and multiplies norm·x·grad; the scalar tail
    // multiplies norm·grad by delta as a double
    return blockwiseMap(
      sub(x, t),
      g,
      x.dtype,
      x.dtype,
      (v, go) => r(r(norm * (Math.abs(v) >= d ? (v > 0 ? d : -d) : v)) * go),
      (v, go) => (v <= -delta ? r(r(-norm * go) * delta) : v >= delta ? r(r(norm * go) * delta) : r(r(norm * v) * go)),
    );
  };
  return lossNode("huber_loss", "HuberLossBackward0", input, target, values, gradient, reduction);
}

/** F.smooth_l1_loss: z = |x - t|; 0.5·z·z/beta below beta, z - 0.5·beta from it. ATen's kernel is a
 *  TensorIterator over both operands, so a float64 target makes a float64 loss (huber_loss does not
 *  promote); its backward computes in the common dtype of input, target and grad, cast to input's. */
export function smoothL1Loss(input: Tensor, target: Tensor, reduction: Reduction, beta: number): Tensor {
  const common = promote([input, target]);
  const r = roundingOf(common);
  const b = r(beta);
  const values = (): Tensor =>
    binaryMap(input, target, common, common, (x, t) => {
      const z = Math.abs(r(x - t));
      return z < b ? r(r(r(0.5 * z) * z) / b) : r(z - r(0.5 * b));
    });
  const gradient = (g: Tensor, x: Tensor, t: Tensor, reduction: Reduction): Tensor => {
    const inner = promote([x, t, g]);
    const ri = roundingOf(inner);
    const bi = ri(beta);
    const norm = ri(reduction === "mean" ? 1 / x.numel : 1);
    // the vector lambda takes ±1 or x/beta (float) times norm times grad; the scalar tail divides
    // norm·x·grad by beta as a double
    return blockwiseMap(
      sub(x, t),
      g,
      inner,
      x.dtype,
      (v, go) => ri(ri(norm * (Math.abs(v) >= bi ? (v > 0 ? 1 : -1) : ri(v / bi))) * go),
      (v, go) => (v <= -beta ? ri(-norm * go) : v >= beta ? ri(norm * go) : ri(ri(ri(norm * v) * go) / beta)),
    );
  };
  return lossNode("smooth_l1_loss", "SmoothL1LossBackward0", input, target, values, gradient, reduction);
}
