// torch.nn.functional.linear as ATen 2.6 composes it (at::linear): a 2-D input with a bias is
// addmm(bias, x, w.t()); another contiguous input with a bias is flattened to 2-D, addmm'd and
// viewed back (_flatten_nd_linear: ViewBackward0 over AddmmBackward0, also for a 1-D input); anything
// else is matmul(x, w.t()), with the bias added in place (AddBackward0).
import { runtimeError } from "../errors.ts";
import type { Tensor } from "../tensor.ts";
import { addmm } from "./addmm.ts";
import { add_ } from "./inplace.ts";
import { matmul } from "./linalg.ts";
import { reshape, tOp, view } from "./views.ts";

export function linear(input: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  const d = input.dim();
  if (d === 0 || weight.dim() === 0)
    throw runtimeError(`both arguments to linear need to be at least 1D, but they are ${d}D and ${weight.dim()}D`);
  if (d === 2 && bias) return addmm(bias, input, tOp(weight));
  if (bias && input.isContiguous()) {
    const lead = input.shape.slice(0, -1);
    const rows = lead.reduce((p, q) => p * q, 1);
    const out = addmm(bias, reshape(input, [rows, input.shape[d - 1]]), tOp(weight));
    return view(out, [...lead, out.shape[1]]);
  }
  const out = matmul(input, tOp(weight));
  return bias ? add_(out, bias) : out;
}
