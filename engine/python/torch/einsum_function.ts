// torch.einsum's Python side (torch/functional.py): the equation and operands, the old form with
// the operands in one list, and the sublist form (operand, [0, 1], operand, [1, 2], [0, 2]) turned
// into an equation; the engine's einsum does the rest. Without opt_einsum (the answer key has
// none) every contraction goes left to right.
import * as T from "../../index.ts";
import { iterate } from "../ops.ts";
import { type CallArgs, PyList, PyTuple, type PyValue, pyErr, typeName } from "../values.ts";
import { isTensor, toInteger } from "./convert.ts";
import type { Tensor } from "../../tensor.ts";

const MISSING_ARGS =
  "einsum(): must specify the equation string and at least one operand, or at least one operand and its subscripts list";

function subscriptLetter(n: number): string {
  if (n < 0 || n >= 52) throw pyErr("ValueError", `einsum(): subscript in subscript list is not within the valid range [0, 52)`);
  return String.fromCharCode(n < 26 ? 65 + n : 97 + n - 26);
}

function sublist(v: PyValue): string {
  let s = "";
  for (const item of iterate(v)) {
    if (item === null || (typeof item === "object" && "cls" in item && item.cls.name === "ellipsis")) s += "...";
    else s += subscriptLetter(toInteger(item, "einsum(): subscript"));
  }
  return s;
}

function asTensor(v: PyValue, i: number): Tensor {
  if (!isTensor(v)) throw pyErr("TypeError", `einsum(): argument 'tensors' (position 2) must be tuple of Tensors, not ${typeName(v)} (item ${i})`);
  return v;
}

export function torchEinsum(a: CallArgs): PyValue {
  if (a.kwargs.size > 0) throw pyErr("TypeError", `einsum() got an unexpected keyword argument '${[...a.kwargs.keys()][0]}'`);
  const args = a.args;
  if (args.length < 2) throw pyErr("ValueError", MISSING_ARGS);
  let equation: string;
  let operands: PyValue[];
  if (isTensor(args[0])) {
    // sublist format: operand, subscripts, operand, subscripts, ..., [output subscripts]
    const ops: PyValue[] = [];
    const parts: string[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) {
      ops.push(args[i]);
      parts.push(sublist(args[i + 1]));
    }
    equation = parts.join(",");
    if (args.length % 2 === 1) equation += "->" + sublist(args[args.length - 1]);
    operands = ops;
  } else {
    if (typeof args[0] !== "string")
      throw pyErr("TypeError", `einsum(): argument 'equation' (position 1) must be str, not ${typeName(args[0])}`);
    equation = args[0];
    operands = args.slice(1);
    if (operands.length === 1 && (operands[0] instanceof PyList || operands[0] instanceof PyTuple)) operands = [...iterate(operands[0])];
  }
  return T.einsum(equation, operands.map(asTensor));
}
