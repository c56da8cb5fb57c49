// x.scatter_(dim, index, src | value): scatter in place (one-hot targets are built this way),
// rebasing x's grad_fn to ScatterBackward0 (tensor src) or ScatterBackward1 (a number).
import { runtimeError } from "../errors.ts";
import type { Tensor } from "../tensor.ts";
import { mutate, OVERLAP_MESSAGE, overlapStatus } from "./inplace.ts";
import { checkInt64Index, checkScatterShapes, gather, scatterValue, scatterValues } from "./gather_scatter.ts";
import { wrapDim } from "./views.ts";

export function scatter_(self: Tensor, dim: number, index: Tensor, src: Tensor | number): Tensor {
  const d = wrapDim(dim, self.dim());
  checkInt64Index(index, "scatter");
  const tensorSrc = typeof src !== "number";
  if (tensorSrc && self.dtype !== src.dtype) throw runtimeError("scatter(): Expected self.dtype to be equal to src.dtype");
  checkScatterShapes(self, d, index, tensorSrc ? src : null);
  // assert_no_overlap: neither the index nor the source may share memory with self
  for (const other of tensorSrc ? [index, src] : [index]) {
    const lap = overlapStatus(self, other);
    if (lap === "full" || lap === "partial") throw runtimeError(OVERLAP_MESSAGE);
  }
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
