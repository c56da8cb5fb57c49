// Python's operators on tensors: x + y, 2 - x, x @ w, x == 0, a & b, and the in-place forms
// (x += t is add_); NotImplemented (undefined) lets the other operand's method run.
import * as T from "../../index.ts";
import type { Scalar } from "../../dtype.ts";
import type { Tensor } from "../../tensor.ts";
import { type PyValue, pyErr, typeName } from "../values.ts";
import { isScalar, isTensor } from "./convert.ts";

export function binop(op: string, a: PyValue, b: PyValue, inplace: boolean): PyValue | undefined {
  const aT = isTensor(a);
  const bT = isTensor(b);
  if (op === "contains" && aT) return contains(a, b);
  if ((!aT && !isScalar(a)) || (!bT && !isScalar(b))) {
    // NotImplemented: the other operand's method runs, then == falls back to identity
    return undefined;
  }
  if (inplace && aT) {
    switch (op) {
      case "+":
        return T.add_(a, b as Tensor | Scalar);
      case "-":
        return T.sub_(a, b as Tensor | Scalar);
      case "*":
        return T.mul_(a, b as Tensor | Scalar);
      case "/":
        return T.div_(a, b as Tensor | Scalar);
    }
  }
  const x = a as Tensor | Scalar;
  const y = b as Tensor | Scalar;
  switch (op) {
    case "+":
      return aT ? T.add(a, y) : T.add(b as Tensor, x);
    case "-":
      return aT ? T.sub(a, y) : T.rsub(b as Tensor, x);
    case "*":
      return aT ? T.mul(a, y) : T.mul(b as Tensor, x);
    case "/":
      return aT ? T.div(a, y) : T.mul(T.reciprocal(b as Tensor), x);
    case "//":
      return T.floorDivide(x, y);
    case "%":
      return T.remainder(x, y);
    case "**":
      return T.pow(x, y);
    case "@":
      if (!aT || !bT) return undefined;
      return T.matmul(a, b);
    case "==":
      return aT ? T.eq(a, y) : T.eq(b as Tensor, x);
    case "!=":
      return aT ? T.ne(a, y) : T.ne(b as Tensor, x);
    case "<":
      return aT ? T.lt(a, y) : T.gt(b as Tensor, x);
    case "<=":
      return aT ? T.le(a, y) : T.ge(b as Tensor, x);
    case ">":
      return aT ? T.gt(a, y) : T.lt(b as Tensor, x);
    case ">=":
      return aT ? T.ge(a, y) : T.le(b as Tensor, x);
    case "&":
      if (aT && bT && a.dtype === "bool" && b.dtype === "bool") return T.logicalAnd(a, b);
      return undefined;
    case "|":
      if (aT && bT && a.dtype === "bool" && b.dtype === "bool") return T.logicalOr(a, b);
      return undefined;
  }
  return undefined;
}

/** `v in x` (Tensor.__contains__): (v == x).any() for a tensor or a number */
function contains(x: Tensor, v: PyValue): boolean {
  if (!isTensor(v) && !isScalar(v))
    throw pyErr("RuntimeError", `Tensor.__contains__ only supports Tensor or scalar, but you passed in a <class '${typeName(v)}'>.`);
  return T.any(T.eq(x, v)).at(0) !== 0;
}
