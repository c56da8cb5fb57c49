// x.eq_(y), x.lt_(y)... (and greater_, not_equal_... by their aliases): the comparison written
// into x as 1/0 in x's own dtype. On a tensor that requires grad PyTorch records EqBackward0 (a
// number) or EqBackward1 (a tensor), whose gradients are zeros: the result is a step function.
import { runtimeError } from "../errors.ts";
import type { Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { eq, ge, gt, le, lt, ne } from "./compare.ts";
import { mutate } from "./inplace.ts";
import { isTensor, type Operand } from "./kernel.ts";
import { zerosLikeT } from "./unary.ts";
import { filled } from "../tensor.ts";

function comparisonInplace(op: string, gradName: string, compare: (a: Tensor, b: Operand) => Tensor) {
  return (self: Tensor, other: Operand): Tensor => {
    // TensorIterator computes in the promoted type and writes into self (its shape may not grow)
    const result = self.rt.internally(() => compare(self, other));
    if (result.shape.join() !== self.shape.join())
      throw runtimeError(`output with shape [${self.shape.join(", ")}] doesn't match the broadcast shape [${result.shape.join(", ")}]`);
    const values = result.values();
    const tensorOther = isTensor(other) ? other : null;
    const otherShape = tensorOther?.shape.slice() ?? [];
    const otherDType = tensorOther?.dtype ?? self.dtype;
    return mutate(
      self,
      op,
      (_old, i) => values[i],
      {
        gradFn: `${gradName}${tensorOther ? 1 : 0}`,
        others: tensorOther ? [tensorOther] : [],
        backward: ([g], node) => [
          node.needs(0) ? zerosLikeT(g!) : null,
          ...(tensorOther ? [node.needs(1) ? created(filled(self.rt, otherShape, otherDType), "zeros") : null] : []),
        ],
      },
      tensorOther ? [tensorOther] : [],
    );
  };
}

export const eq_ = comparisonInplace("eq_", "EqBackward", eq);
export const ne_ = comparisonInplace("ne_", "NeBackward", ne);
export const lt_ = comparisonInplace("lt_", "LtBackward", lt);
export const le_ = comparisonInplace("le_", "LeBackward", le);
export const gt_ = comparisonInplace("gt_", "GtBackward", gt);
export const ge_ = comparisonInplace("ge_", "GeBackward", ge);
