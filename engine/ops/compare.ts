// Comparisons (bool results, no grad) and where(cond, a, b), whose grad routes by cond.
import { atenTypeName } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record, recordConstant } from "../autograd/record.ts";
import type { Tensor } from "../tensor.ts";
import { binaryMap, isTensor, promote, ternaryMap, type Operand } from "./kernel.ts";

function comparison(op: string, fn: (x: number, y: number) => boolean) {
  return (a: Tensor, b: Operand): Tensor => {
    const d = promote([a, b]);
    const out = binaryMap(a, b, d, "bool", (x, y) => (fn(x, y) ? 1 : 0));
    return recordConstant(out, op, isTensor(b) ? [a, b] : [a]);
  };
}

export const eq = comparison("eq", (x, y) => x === y);
export const ne = comparison("ne", (x, y) => x !== y);
export const lt = comparison("lt", (x, y) => x < y);
export const le = comparison("le", (x, y) => x <= y);
export const gt = comparison("gt", (x, y) => x > y);
export const ge = comparison("ge", (x, y) => x >= y);

export function logicalAnd(a: Tensor, b: Tensor): Tensor {
  return recordConstant(binaryMap(a, b, "bool", "bool", (x, y) => (x && y ? 1 : 0)), "logical_and", [a, b]);
}
export function logicalOr(a: Tensor, b: Tensor): Tensor {
  return recordConstant(binaryMap(a, b, "bool", "bool", (x, y) => (x || y ? 1 : 0)), "logical_or", [a, b]);
}
export function logicalNot(a: Tensor): Tensor {
  return recordConstant(binaryMap(a, false, "bool", "bool", (x) => (x ? 0 : 1)), "logical_not", [a]);
}

export function where(cond: Tensor, a: Operand, b: Operand): Tensor {
  if (cond.dtype !== "bool")
    throw runtimeError(`where expected condition to be a boolean tensor, but got a tensor with dtype ${atenTypeName(cond.dtype)}`);
  const d = promote([a, b]);
  const out = ternaryMap(cond, a, b, d, (c, x, y) => (c ? x : y));
  return record(out, {
    op: "where",
    gradFn: "WhereBackward0",
    inputs: [isTensor(a) ? a : null, isTensor(b) ? b : null],
    save: { condition: cond },
    eventInputs: [cond, ...([a, b].filter(isTensor) as Tensor[])],
    backward: ([g], node) => {
      const c = node.unpack("condition");
      return [
        node.needs(0) ? where(c, g!, 0) : null,
        node.needs(1) ? where(c, 0, g!) : null,
      ];
    },
    jvp: ([ta, tb]) => where(cond, ta ?? 0, tb ?? 0),
  });
}
