// The second derivatives of GELU, softplus and ELU (derivatives.yaml's gelu_double_backward,
// softplus_double_backward, elu_double_backward in FunctionsManual.cpp), written with engine ops
// in ATen's order so each op rounds where PyTorch's does and a create_graph graph gets its node
// names: C++'s `kBeta * t` is t.mul(Scalar) (MulBackward1), `1 - t` and `1 / t` fill a new tensor
// and sub_/div_ it (SubBackward0, DivBackward0), `1 + t` is t.add(Scalar) (AddBackward1).
// GCC evaluates an overloaded operator's operands right to left (`a * (b + c)` makes b + c first), which
// orders the nodes a create_graph backward runs; the formulas below keep that order.
// SiLU's first derivative under create_graph is PyTorch's infinitely_differentiable_silu_backward.
import type { Tensor } from "../tensor.ts";
import { add, addScalar, div, mul, mulScalar, neg, pow, sub } from "./arith.ts";
import { lt } from "./compare.ts";
import { fullLike } from "./create.ts";
import { castTo } from "./inplace.ts";
import { cosh } from "./math_extra.ts";
import { exp, sigmoid, sigmoidBackward, tanh } from "./unary.ts";

const M_2_SQRTPI = 1.1283791670955126;

/** C++'s `s - t` for a Scalar s: empty_like(t).fill_(s).sub_(t) */
const scalarMinus = (s: number, t: Tensor): Tensor => sub(fullLike(t, s), t);

export function geluDoubleBackward(ggI: Tensor, gO: Tensor, input: Tensor, approximate: "none" | "tanh"): Tensor {
  if (approximate === "tanh") {
    const kBeta = Math.SQRT2 * M_2_SQRTPI * 0.5;
    const kKappa = 0.044715;
    const inner = mulScalar(add(input, mulScalar(pow(input, 3), kKappa)), kBeta);
    const tanhInner = tanh(inner);
    const sechInner = div(fullLike(inner, 1), cosh(inner));
    const f = mulScalar(input, 0.5);
    const g = scalarMinus(1, mul(tanhInner, tanhInner));
    const h = mulScalar(addScalar(mul(mulScalar(input, 3 * kKappa), input), 1), kBeta);
    const fPrimeGh = mul(mulScalar(g, 0.5), h);
    const negSechTanh = mul(neg(sechInner), tanhInner);
    const gPrime = mul(mul(mulScalar(sechInner, 2), negSechTanh), h);
    const gPrimeFh = mul(mul(f, h), gPrime);
    const hPrime = mulScalar(mulScalar(input, 6 * kKappa), kBeta);
    const hPrimeFg = mul(mul(f, g), hPrime);
    const dgradDX = add(add(mulScalar(fPrimeGh, 2), gPrimeFh), hPrimeFg);
    return mul(mul(ggI, gO), dgradDX);
  }
  const kBeta = M_2_SQRTPI * Math.SQRT1_2 * 0.5;
  const inputSq = mul(input, input);
  const pdf = mulScalar(exp(mulScalar(inputSq, -0.5)), kBeta);
  const sqPdf = mul(inputSq, pdf);
  const dgradDInput = sub(mulScalar(pdf, 2), sqPdf);
  return mul(mul(ggI, gO), dgradDInput);
}

/** softplus_double_backward(grad * grad_output, self, beta, threshold) */
export function softplusDoubleBackward(grad: Tensor, input: Tensor, beta: number, threshold: number): Tensor {
  const x = mulScalar(input, beta);
  return mulScalar(mul(sigmoidBackward(grad, sigmoid(x)), castTo(lt(x, threshold), grad.dtype)), beta);
}

/** elu_double_backward for is_result=false: elu_backward of grad·grad_output·input_scale, where self < 0 */
export function eluDoubleBackward(grad: Tensor, gradOutput: Tensor, inputScale: number, self: Tensor, eluBackward: (g: Tensor) => Tensor): Tensor {
  return mul(eluBackward(mulScalar(mul(grad, gradOutput), inputScale)), castTo(lt(self, 0), grad.dtype));
}

/** infinitely_differentiable_silu_backward: grad_output * sigmoid * (1.0 + input * (1.0 - sigmoid)) */
export function siluBackwardComposite(gradOutput: Tensor, input: Tensor): Tensor {
  const s = sigmoid(input);
  const right = addScalar(mul(input, scalarMinus(1, s)), 1);
  return mul(mul(gradOutput, s), right);
}
