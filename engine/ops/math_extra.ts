// More pointwise math students reach for: tan, asin, acos, atan, sinh, cosh, log2, log10,
// log1p, expm1, exp2, rsqrt, floor/ceil/round/trunc/frac, maximum/minimum, outer, isnan.
import { record, recordConstant } from "../autograd/record.ts";
import type { Tensor } from "../tensor.ts";
import { binaryMap, promote, unaryMap } from "./kernel.ts";
import { addScalar, div, mul, mulScalar, neg, pow, sub } from "./arith.ts";
import { castTo } from "./inplace.ts";
import { tangentSum, term } from "./tangent_sum.ts";
import { pointwise, zerosLikeT } from "./unary.ts";
import { eq, gt, lt, where } from "./compare.ts";
import { reshape } from "./views.ts";


/** (-self * self + 1).rsqrt(), the factor in asin's and acos's formulas */
const rsqrtOneMinusSq = (s: Tensor) => rsqrt(addScalar(mul(neg(s), s), 1));

// ATen 2.6's formulas (derivatives.yaml), written with the same ops in the same order, so that
// gradients round as PyTorch's do and create_graph records the same nodes
export const tan = (x: Tensor) =>
  pointwise(x, "tan", "TanBackward0", Math.tan, (g, _s, r) => mul(g, addScalar(pow(r(), 2n), 1)), "result");
export const asin = (x: Tensor) =>
  pointwise(x, "asin", "AsinBackward0", Math.asin, (g, s) => mul(g, rsqrtOneMinusSq(s())), "self");
export const acos = (x: Tensor) =>
  pointwise(x, "acos", "AcosBackward0", Math.acos, (g, s) => mul(g, neg(rsqrtOneMinusSq(s()))), "self");
export const atan = (x: Tensor) =>
  pointwise(x, "atan", "AtanBackward0", Math.atan, (g, s) => div(g, addScalar(mul(s(), s()), 1)), "self");
export const sinh = (x: Tensor) =>
  pointwise(x, "sinh", "SinhBackward0", Math.sinh, (g, s) => mul(g, cosh(s())), "self");
export const cosh = (x: Tensor): Tensor =>
  pointwise(x, "cosh", "CoshBackward0", Math.cosh, (g, s) => mul(g, sinh(s())), "self");
export const log2 = (x: Tensor) =>
  pointwise(x, "log2", "Log2Backward0", Math.log2, (g, s) => div(g, mulScalar(s(), Math.LN2)), "self");
export const log10 = (x: Tensor) =>
  pointwise(x, "log10", "Log10Backward0", Math.log10, (g, s) => div(g, mulScalar(s(), Math.LN10)), "self");
export const log1p = (x: Tensor) =>
  pointwise(x, "log1p", "Log1PBackward0", Math.log1p, (g, s) => div(g, addScalar(s(), 1)), "self");
export const expm1 = (x: Tensor) =>
  pointwise(x, "expm1", "Expm1Backward0", Math.expm1, (g, _s, r) => mul(g, addScalar(r(), 1)), "result");
export const exp2 = (x: Tensor) =>
  pointwise(x, "exp2", "Exp2Backward0", (v) => 2 ** v, (g, _s, r) => mulScalar(mul(g, r()), Math.LN2), "result");
/** rsqrt: 1 / sqrt(x), each rounded (ATen's vector and scalar code alike) */
export const rsqrt = (x: Tensor): Tensor =>
  pointwise(
    x,
    "rsqrt",
    "RsqrtBackward0",
    x.dtype === "float64" ? (v) => 1 / Math.sqrt(v) : (v) => 1 / Math.fround(Math.sqrt(v)),
    (g, _s, r) => mul(mulScalar(g, -0.5), pow(r(), 3n)),
    "result",
  );

/** round half to even, as torch.round does */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function stepwise(x: Tensor, op: string, gradFn: string, f: (v: number) => number): Tensor {
  return record(unaryMap(x, x.dtype, f), { op, gradFn, inputs: [x], backward: ([g]) => [zerosLikeT(g!)], jvp: ([t]) => zerosLikeT(t!) });
}
export const floor = (x: Tensor) => stepwise(x, "floor", "FloorBackward0", Math.floor);
export const ceil = (x: Tensor) => stepwise(x, "ceil", "CeilBackward0", Math.ceil);
export const round = (x: Tensor) => stepwise(x, "round", "RoundBackward0", roundHalfEven);
export const trunc = (x: Tensor) => stepwise(x, "trunc", "TruncBackward0", Math.trunc);
export const frac = (x: Tensor) =>
  record(unaryMap(x, x.dtype, (v) => v - Math.trunc(v)), { op: "frac", gradFn: "FracBackward0", inputs: [x], backward: ([g]) => [g], jvp: ([t]) => t });

export const isnan = (x: Tensor) =>
  recordConstant(unaryMap(x, "bool", (v) => (Number.isNaN(v) ? 1 : 0), x.dtype), "isnan", [x]);
export const isinf = (x: Tensor) =>
  recordConstant(unaryMap(x, "bool", (v) => (v === Infinity || v === -Infinity ? 1 : 0), x.dtype), "isinf", [x]);

function pairwise(a: Tensor, b: Tensor, isMax: boolean): Tensor {
  const d = promote([a, b]);
  const out = binaryMap(a, b, d, d, (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : isMax ? Math.max(x, y) : Math.min(x, y)));
  return record(out, {
    op: isMax ? "maximum" : "minimum",
    gradFn: isMax ? "MaximumBackward0" : "MinimumBackward0",
    inputs: [a, b],
    save: { self: a, other: b },
    backward: ([g], node) => {
      const s = node.unpack("self");
      const o = node.unpack("other");
      const half = where(eq(s, o), mulScalar(g!, 0.5), g!);
      const selfLoses = isMax ? lt(s, o) : lt(o, s);
      const otherLoses = isMax ? lt(o, s) : lt(s, o);
      return [where(selfLoses, 0, half), where(otherLoses, 0, half)];
    },
    // other_t + where(self_p == other_p, 0.5, (self_p > other_p).to(dtype)) * (self_t - other_t)
    jvp: ([ta, tb]) => {
      const coef = where(eq(a, b), 0.5, castTo(isMax ? gt(a, b) : lt(a, b), out.dtype));
      const diff = ta && tb ? sub(ta, tb) : ta ? ta : neg(tb!);
      return tangentSum(out.shape, [term(tb, (t) => t), { value: () => mul(coef, diff), reads: [] }]);
    },
  });
}
export const maximum = (a: Tensor, b: Tensor) => pairwise(a, b, true);
export const minimum = (a: Tensor, b: Tensor) => pairwise(a, b, false);

/** torch.outer: self.reshape(-1, 1) * vec2, so its grad_fn is MulBackward0 as in PyTorch */
export const outer = (a: Tensor, b: Tensor) => mul(reshape(a, [-1, 1]), b);
