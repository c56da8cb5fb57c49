// masked_fill and masked_fill_: write a value where a bool mask is True. The value is a
// Python number (MaskedFillBackward0) or a 0-d tensor that can carry grad (MaskedFillBackward1).
import { castValue } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import type { GradNode } from "../autograd/node.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { broadcastShapes } from "./kernel.ts";
import { broadcastValues } from "./broadcast_read.ts";
import { mutate } from "./inplace.ts";
import { where } from "./compare.ts";
import { sum } from "./reduce.ts";
import { zerosLikeT } from "./unary.ts";

export type MaskValue = number | Tensor;

function checkMask(mask: Tensor): void {
  if (mask.dtype !== "bool") {
    const word = { float32: "float", float64: "double", int64: "long int", int32: "int", bool: "bool" }[mask.dtype];
    throw runtimeError(`masked_fill_ only supports boolean masks, but got mask with dtype ${word}`);
  }
}

function checkValue(value: MaskValue): void {
  if (typeof value !== "number" && value.dim() !== 0)
    throw runtimeError(
      `masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value.dim()} dimension(s).`,
    );
}

const valueOf = (v: MaskValue): number => (typeof v === "number" ? v : v.at(0));

/** the formula both variants share: grad.masked_fill(mask, 0) for self, sum of grad under the mask for value */
function maskedFillGrads(g: Tensor, mask: Tensor, node: GradNode, value: MaskValue): (Tensor | null)[] {
  const gs = node.needs(0) ? maskedFill(g, mask, 0) : null;
  if (typeof value === "number") return [gs];
  return [gs, node.needs(1) ? sum(where(mask, g, 0)) : null];
}

/** self_t.masked_fill(mask, 0) for a number, self_t.masked_fill(mask, value_t) for a tensor (a
 *  missing tangent a zero tensor) */
function maskedFillTangent(ts: Tensor | null, self: Tensor, mask: Tensor, value: MaskValue, tv: Tensor | null | undefined): Tensor {
  const fill = typeof value === "number" ? 0 : (tv ?? zerosLikeT(value));
  return maskedFill(ts ?? zerosLikeT(self), mask, fill);
}

/** x.masked_fill(mask, value): a new tensor of the broadcast shape of mask and x */
export function maskedFill(self: Tensor, mask: Tensor, value: MaskValue): Tensor {
  checkMask(mask);
  checkValue(value);
  const shape = broadcastShapes(mask.shape, self.shape);
  const m = broadcastValues(mask, shape);
  const x = broadcastValues(self, shape);
  const v = castValue(valueOf(value), self.dtype);
  const out = fromValues(self.rt, x.map((old, i) => (m[i] ? v : old)), shape, self.dtype);
  const tensorValue = typeof value !== "number";
  return record(out, {
    op: "masked_fill",
    gradFn: tensorValue ? "MaskedFillBackward1" : "MaskedFillBackward0",
    inputs: tensorValue ? [self, value] : [self],
    save: { mask },
    eventInputs: tensorValue ? [self, mask, value] : [self, mask],
    backward: ([g], node) => maskedFillGrads(g!, node.unpack("mask"), node, value),
    jvp: ([ts, tv]) => maskedFillTangent(ts, self, mask, value, tv),
  });
}

/** x.masked_fill_(mask, value): in place; the mask must broadcast to x's own shape */
export function maskedFill_(self: Tensor, mask: Tensor, value: MaskValue): Tensor {
  checkMask(mask);
  checkValue(value);
  const shape = broadcastShapes(mask.shape, self.shape);
  if (shape.join() !== self.shape.join())
    throw runtimeError(`output with shape [${self.shape.join(", ")}] doesn't match the broadcast shape [${shape.join(", ")}]`);
  const m = broadcastValues(mask, shape);
  const v = valueOf(value);
  const tensorValue = typeof value !== "number";
  return mutate(self, "masked_fill_", (old, i) => (m[i] ? v : old), {
    gradFn: tensorValue ? "MaskedFillBackward1" : "MaskedFillBackward0",
    others: tensorValue ? [value] : [],
    save: { mask },
    backward: ([g], node) => {
      const mk = node.unpack("mask");
      return [maskedFill(g!, mk, 0), ...(tensorValue ? [node.needs(1) ? sum(where(mk, g!, 0)) : null] : [])];
    },
    jvp: ([ts, tv]) => maskedFillTangent(ts, self, mask, value, tv),
  });
}
