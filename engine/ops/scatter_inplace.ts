// x.scatter_(dim, index, src | value): scatter in place (one-hot targets are built this way),
// rebasing x's grad_fn to ScatterBackward0 (tensor src) or ScatterBackward1 (a number).
import { runtimeError } from "../errors.ts";
import type { Tensor } from "../tensor.ts";
import { mutate } from "./inplace.ts";
import { checkInt64Index, checkScatterShapes, gather, scatterValue, scatterValues } from "./gather_scatter.ts";
import { wrapDim } from "./views.ts";

/** the storage ranges two tensors span intersect (ATen's get_overlap_status is not NO) */
function rangesMeet(a: Tensor, b: Tensor): boolean {
  if (a.numel === 0 || b.numel === 0) return false;
  const end = (t: Tensor) => t.offset + t.shape.reduce((s, n, i) => s + (n - 1) * t.strides[i], 0) + 1;
  return a.offset < end(b) && b.offset < end(a);
}

export function scatter_(self: Tensor, dim: number, index: Tensor, src: Tensor | number): Tensor {
  const d = wrapDim(dim, self.dim());
  checkInt64Index(index, "scatter");
  const tensorSrc = typeof src !== "number";
  if (tensorSrc && self.dtype !== src.dtype) throw runtimeError("scatter(): Expected self.dtype to be equal to src.dtype");
  checkScatterShapes(self, d, index, tensorSrc ? src : null);
  // ATen asserts the index does not share memory with self (src may)
  if (index.storage === self.storage && rangesMeet(index, self))
    throw runtimeError(
      "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.",
    );
  const value = tensorSrc ? src : self.dtype === "float32" ? Math.fround(src) : src;
  const written = scatterValues(self, d, index, value, false);
  return mutate(
    self,
    "scatter_",
    (_old, i) => written[i],
    {
      gradFn: tensorSrc ? "ScatterBackward0" : "ScatterBackward1",
      others: tensorSrc ? [src] : [],
      save: { index },
      backward: ([g], node) => {
        const i = node.unpack("index");
        const gs = scatterValue(g!, d, i, 0);
        return tensorSrc ? [gs, node.needs(1) ? gather(g!, d, i) : null] : [gs];
      },
    },
  );
}
