// torch.autograd.forward_ad's dual tensors: make_dual (a view of the primal carrying the tangent)
// and unpack_dual (a view of the primal without it, and the tangent as it is), as ATen's
// _make_dual and _unpack_dual.
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { tangentOf } from "../autograd/forward_ad.ts";
import { makeView, type Tensor } from "../tensor.ts";
import { clone } from "./index_ops.ts";
import { reshape } from "./views.ts";

/** the tangent is kept as it is when it has the primal's layout, else copied into that layout */
const sameLayout = (a: Tensor, b: Tensor): boolean =>
  a.offset === b.offset && a.shape.join() === b.shape.join() && a.strides.join() === b.strides.join() && a.storage.data.length === b.storage.data.length;

export function makeDual(primal: Tensor, tangent: Tensor): Tensor {
  if (tangentOf(primal)) throw runtimeError("Making a dual Tensor based on a Tensor that already has a forward gradient at the same level 0 is not supported.");
  if (tangentOf(tangent)) throw runtimeError("Setting a forward grad that itself has a forward gradient at the same level0 is not supported.");
  if (tangent.shape.join() !== primal.shape.join() || tangent.dim() !== primal.dim())
    throw runtimeError(
      `Trying to set a forward gradient that has a different size than that of the original Tensor, this is not supported. Tensor is of size [${primal.shape.join(", ")}] while the given forward gradient is of size [${tangent.shape.join(", ")}].`,
    );
  const sizes = primal.shape.slice();
  const kept = sameLayout(primal, tangent) || !primal.isContiguous() ? tangent : clone(tangent);
  return record(makeView(primal, primal.shape.slice(), primal.strides.slice(), primal.offset), {
    op: "make_dual",
    gradFn: "ViewBackward0",
    inputs: [primal],
    view: true,
    tangent: kept,
    // VariableTypeManual's _make_dual makes a ViewBackward0: grad.reshape(self's sizes)
    backward: ([g]) => [reshape(g!, sizes)],
  });
}

/** (primal, tangent): the primal a view of t with no tangent (its grad_fn Identity), the
 *  tangent as it is (null: none) */
export function unpackDual(t: Tensor): [Tensor, Tensor | null] {
  const tangent = tangentOf(t);
  const primal = record(makeView(t, t.shape.slice(), t.strides.slice(), t.offset), {
    op: "_fw_primal",
    gradFn: "Identity",
    inputs: [t],
    view: true,
    backward: ([g]) => [g],
    jvp: () => null,
  });
  return [primal, tangent];
}
