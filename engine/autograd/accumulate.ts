// AccumulateGrad as PyTorch does it: the first gradient is stored as a copy (with a
// CopyBackwards graph under create_graph; with the version PyTorch's .grad would have, see
// grad_versions.ts); later ones are added IN PLACE when grad mode is
// off (every alias of .grad sees it) and OUT OF PLACE under create_graph (a new tensor).
import { runtimeError } from "../errors.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { add } from "../ops/arith.ts";
import { addInPlaceNoGrad, copyWithGraph } from "../ops/inplace.ts";
import { clone } from "../ops/index_ops.ts";
import { tangentOf } from "./forward_ad.ts";
import { record } from "./record.ts";
import type { GradNode } from "./node.ts";
import type { GradVersions } from "./grad_versions.ts";

export function accumulate(
  node: GradNode,
  g: Tensor,
  createGraph: boolean,
  backward: number,
  versions: GradVersions,
): void {
  const leaf = node.variable!;
  const rt = leaf.rt;
  // AccumulateGrad::apply: the leaf may have changed since the graph was built
  if (leaf.rawGradFn) throw runtimeError("leaf variable has been moved into the graph interior");
  if (!leaf.requiresGrad) return;
  const before = leaf.grad;
  let how: "stored" | "inplace" | "replaced";
  if (before === null) {
    leaf.grad = createGraph ? copyWithGraph(g) : detachedCopy(g, versions.stored(g, leaf));
    how = "stored";
  } else if (!rt.gradEnabled) {
    addInPlaceNoGrad(before, g, "AccumulateGrad");
    how = "inplace";
  } else {
    leaf.grad = add(before, g);
    how = "replaced";
  }
  if (rt.sink)
    rt.emit({
      kind: "grad/accumulated",
      backward,
      leaf: leaf.id,
      node: node.id,
      before: before ? before.id : null,
      delta: g.id,
      after: leaf.grad!.id,
      how,
    });
}

/** retain_grad()'s hook and backward(inputs=[non-leaf]): clone first, then out-of-place sums */
export function retainInto(t: Tensor, g: Tensor, createGraph: boolean, backward: number): void {
  const before = t.grad;
  t.grad = before === null ? (createGraph ? clone(g) : detachedCopy(g)) : add(before, g);
  t.rt.emit({
    kind: "grad/accumulated",
    backward,
    leaf: t.id,
    node: t.rawGradFn ? t.rawGradFn.id : 0,
    before: before ? before.id : null,
    delta: g.id,
    after: t.grad.id,
    how: before === null ? "stored" : "replaced",
  });
}

function detachedCopy(g: Tensor, version = 0, keepTangent = false): Tensor {
  const out = fromValues(g.rt, g.values(), g.shape.slice(), g.dtype);
  // the version PyTorch's tensor would have (grad_versions.ts), set before the copy is narrated
  out.storage.version = version;
  // autograd.grad's copy stands for the gradient itself, tangent included (forward over
  // reverse); a leaf's .grad has none
  const tangent = (keepTangent && tangentOf(g)) || undefined;
  return record(out, { op: "clone", gradFn: "CloneBackward0", inputs: [], backward: () => [], tangent });
}

/** `g` itself when its version is already `version`, else a copy that has it (autograd.grad's results). */
export function withVersion(g: Tensor, version: number): Tensor {
  return g.version === version || g.requiresGrad ? g : detachedCopy(g, version, true);
}
