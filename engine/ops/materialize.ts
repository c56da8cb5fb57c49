// A lazy module's placeholder parameter given its shape: UninitializedParameter.materialize(shape)
// is PyTorch's `self.data = torch.empty(shape)`, which keeps the tensor object (optimizers made
// before the first forward already hold it) and its version counter and gives it a new storage.
// Here the placeholder's empty storage takes the new elements (torch.empty's values are whatever
// memory held; these are zeros, and the module's reset_parameters() writes them next); any x.data
// alias read before keeps looking at no elements, as it keeps PyTorch's old empty storage.
import { allocate } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { type Tensor, contiguousStrides, numelOf, storageBytes } from "../tensor.ts";

export function materialize(t: Tensor, shape: number[]): void {
  if (t.numel !== 0 || t.storage.data.length !== 0) throw runtimeError("internal: materialize() of a tensor that holds elements");
  const rt = t.rt;
  const n = numelOf(shape);
  rt.checkElements(n);
  rt.noteAllocation(storageBytes(t.dtype, n));
  const before = t.storage.data.slice();
  t.storage.data = allocate(t.dtype, n);
  t.shape = shape.slice();
  t.strides = contiguousStrides(shape);
  t.numel = n;
  if (rt.sink)
    rt.emit({
      kind: "tensor/mutated",
      tensor: t.id,
      storage: t.storage.id,
      op: "materialize",
      versionBefore: t.storage.version,
      versionAfter: t.storage.version,
      storageBefore: before,
      storageAfter: t.storage.data.slice(),
      aliases: t.storage.viewers.slice(),
      gradFnBefore: null,
      node: null,
      requiresGradAfter: t.requiresGrad,
      geometry: { shape: t.shape.slice(), strides: t.strides.slice() },
      span: rt.span,
    });
}
