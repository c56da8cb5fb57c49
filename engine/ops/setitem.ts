// x[index] = value as PyTorch's __setitem__ does it (python_variable_indexing.cpp copy_to):
// the index gives a view, and the value is written into it in place, so autograd records
// CopySlices on x with the copy_ (or fill_) as the wrapped backward.
import { castValue, scalarToNumber, type Scalar } from "../dtype.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { index, type IndexSpec } from "./index_ops.ts";
import { copy_, fill_ } from "./inplace.ts";
import { expand, view } from "./views.ts";

/** `x[specs] = value`: a Python number becomes a 0-dim tensor of x's dtype (valueToTensor) */
export function setIndex(x: Tensor, specs: IndexSpec[], value: Tensor | Scalar): void {
  const dst = index(x, specs);
  const src =
    typeof value === "object"
      ? value
      : created(fromValues(x.rt, [castValue(scalarToNumber(value), x.dtype)], [], x.dtype), "setitem value");
  copyTo(dst, src);
}

/** copy_to: same shape -> copy_; a 0-dim value -> fill_; else drop the value's leading 1s
 *  (a view) and expand it to the destination (expand_inplace), then copy_ */
export function copyTo(dst: Tensor, src: Tensor): void {
  if (sameShape(dst.shape, src.shape)) {
    copy_(dst, src);
    return;
  }
  if (src.dim() === 0) {
    fill_(dst, src);
    return;
  }
  let lead = 0;
  while (lead < src.dim() && src.shape[lead] === 1) lead++;
  const stripped = view(src, src.shape.slice(lead));
  copy_(dst, sameShape(dst.shape, stripped.shape) ? stripped : expand(stripped, dst.shape));
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
