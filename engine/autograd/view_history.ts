// In-place ops on views, as PyTorch autograd does them (2.6) (rebase_history for views):
// the BASE's grad_fn becomes CopySlices, which applies the op's own backward to the slice of
// the gradient the view covers; every view of that base, the modified one included, gets an
// AsStridedBackward0 pointing at the base's grad_fn when its grad_fn is next read.
import { runtimeError } from "../errors.ts";
import { onStaleView, type Tensor } from "../tensor.ts";
import { asStrided, asStridedBackward, emptyStrided, geometryOf, type Geometry } from "../ops/as_strided.ts";
import { clone } from "../ops/index_ops.ts";
import { copy_ } from "../ops/inplace.ts";
import { FREED_MESSAGE, GradNode } from "./node.ts";
import { gradientEdge } from "./record.ts";

const MULTI_OUTPUT_TAIL =
  " This view is the output of a function that returns multiple views. Such functions do not allow the output " +
  "views to be modified inplace. You should replace the inplace operation by an out-of-place one.";
const CUSTOM_FUNCTION_TAIL =
  " This view was created inside a custom Function (or because an input was returned as-is) and the autograd " +
  "logic to handle view+inplace would override the custom backward associated with the custom Function, leading " +
  "to incorrect gradients. This behavior is forbidden. You can fix this by cloning the output of the custom Function.";
const NO_GRAD_TAIL =
  " Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving " +
  "both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be " +
  "tracked) or both outside (if you want the inplace to be tracked).";

/** handle_view_on_rebase: views made in no_grad mode or by a multi-output op (unbind) may
 *  not be modified in place with autograd watching, nor read after their base was */
export function checkViewCreation(v: Tensor, indirect: boolean): void {
  if (v.viewCreation === "default") return;
  const what = indirect ? "its base or another view of its base has been" : "is being";
  const fn = v.rawGradFn;
  // a view with a grad_fn that is no_grad is a view (made with grad on) of one made in no_grad
  const head = !fn
    ? `A view was created in no_grad mode and ${what} modified inplace with grad mode enabled.`
    : v.viewCreation === "no_grad"
      ? `Output ${v.outputNr} of ${fn.pyName()} is a view of a view which was created in no_grad mode and ${what} modified inplace with grad mode enabled.`
      : `Output ${v.outputNr} of ${fn.pyName()} is a view and ${what} modified inplace.`;
  const tail = v.viewCreation === "multi_output" ? MULTI_OUTPUT_TAIL : v.viewCreation === "custom_function" ? CUSTOM_FUNCTION_TAIL : NO_GRAD_TAIL;
  throw runtimeError(head + tail);
}

/** update_tensor_hooks_on_new_gradfn: a retain_grad() follows the tensor to its new grad_fn */
export function moveRetained(t: Tensor, from: GradNode | null, to: GradNode, outputNr: number): void {
  if (!t.retainsGrad || !from?.retained) return;
  if (from.retained.get(t.outputNr) === t) from.retained.delete(t.outputNr);
  to.retained ??= new Map();
  to.retained.set(outputNr, t);
}

/** the grad_fn of a view whose storage changed since: AsStridedBackward0 into its base */
function regenerate(v: Tensor): void {
  checkViewCreation(v, true);
  const base = v.base!;
  const rt = v.rt;
  const input = geometryOf(base);
  const { shape, strides, offset } = geometryOf(v);
  const node = new GradNode(rt, "AsStridedBackward0", [gradientEdge(base)], ([g]) => [
    asStridedBackward(g!, input, shape, strides, offset),
  ]);
  node.gradShape = shape.slice();
  node.gradDType = v.dtype;
  rt.emit({ kind: "node/created", node: node.info() });
  const old = v.rawGradFn;
  moveRetained(v, old, node, 0);
  v.gradFn = node;
  v.outputNr = 0;
  rt.emit({ kind: "tensor/flags", tensor: v.id, requiresGrad: v.requiresGrad, isLeaf: false, gradFn: node.id, retainsGrad: v.retainsGrad });
}
onStaleView(regenerate);

/** CopySlices for an in-place op on `view` whose own backward is `fn`: its first edge goes
 *  to the base's previous grad_fn, the others are fn's (the op's other inputs) */
export function copySlices(view: Tensor, fn: GradNode): GradNode {
  const base = view.base!;
  const baseGeometry = geometryOf(base);
  const viewGeometry = geometryOf(view);
  const node = new GradNode(view.rt, "CopySlices", [gradientEdge(base), ...fn.next.slice(1)], (grads, self) =>
    copySlicesBackward(grads[0], self, fn, baseGeometry, viewGeometry),
  );
  node.gradShape = base.shape.slice();
  node.gradDType = base.dtype;
  // CopySlices holds fn, so fn's saved tensors are its own (freed with it)
  node.saved = fn.saved;
  node.wrapped = fn;
  return node;
}

/** CopySlices::apply: the base's gradient with the view's slice replaced by what fn makes of it */
function copySlicesBackward(grad: Tensor | null, self: GradNode, fn: GradNode, base: Geometry, view: Geometry): (Tensor | null)[] {
  const out: (Tensor | null)[] = self.next.map(() => null);
  if (!grad) return out;
  if (self.released) throw runtimeError(FREED_MESSAGE);
  const result = emptyStrided(grad, base.shape, base.strides);
  copy_(result, grad);
  const slice = asStrided(result, view.shape, view.strides, view.offset - base.offset);
  const res = fn.backward([clone(slice)], fn);
  for (let i = 0; i < res.length && i < out.length; i++) {
    const r = res[i];
    if (!r || !self.next[i]) continue;
    if (i === 0) {
      copy_(slice, r);
      out[0] = result;
    } else out[i] = r;
  }
  return out;
}
