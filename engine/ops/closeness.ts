// isclose / allclose / equal as ATen computes them: equality, NaNs equal on request, and
// |self - other| <= atol + |rtol * other| in the tensors' own precision (float32 rounds each step).
import { atenTypeName, isFloating } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { recordConstant } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { broadcastShapes } from "./kernel.ts";
import { broadcastValues } from "./broadcast_read.ts";

export function isclose(self: Tensor, other: Tensor, rtol = 1e-5, atol = 1e-8, equalNan = false): Tensor {
  if (self.dtype !== other.dtype) throw runtimeError(`${atenTypeName(self.dtype)} did not match ${atenTypeName(other.dtype)}`);
  if (!(rtol >= 0)) throw runtimeError(`rtol must be greater than or equal to zero, but got ${rtol}`);
  if (!(atol >= 0)) throw runtimeError(`atol must be greater than or equal to zero, but got ${atol}`);
  const shape = broadcastShapes(self.shape, other.shape);
  const a = broadcastValues(self, shape);
  const b = broadcastValues(other, shape);
  // integers and bools measure their error in the default float dtype
  const r = self.dtype === "float64" ? (v: number) => v : Math.fround;
  const floating = isFloating(self.dtype);
  const out = a.map((x, i) => {
    const y = b[i];
    if (x === y) return 1;
    if (equalNan && floating && Number.isNaN(x) && Number.isNaN(y)) return 1;
    if (rtol === 0 && atol === 0) return 0;
    const allowed = r(r(atol) + Math.abs(r(r(rtol) * y)));
    const actual = Math.abs(r(x - y));
    return Number.isFinite(actual) && actual <= allowed ? 1 : 0;
  });
  return recordConstant(fromValues(self.rt, out, shape, "bool"), "isclose", [self, other]);
}

export function allclose(self: Tensor, other: Tensor, rtol = 1e-5, atol = 1e-8, equalNan = false): boolean {
  return self.rt.internally(() => isclose(self, other, rtol, atol, equalNan)).values().every((v) => v !== 0);
}

/** torch.equal: same shape and the same values (NaN is never equal), whatever the dtypes */
export function equal(self: Tensor, other: Tensor): boolean {
  if (self.shape.join() !== other.shape.join()) return false;
  const a = self.values();
  const b = other.values();
  return a.every((v, i) => v === b[i]);
}
