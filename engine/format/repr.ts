// repr(tensor) as PyTorch 2.6 prints it: "tensor(" + body + suffixes such as dtype= and grad_fn=.

import { PRINT_OPTS } from "./formatter.ts";
import { tensorBody } from "./layout.ts";
import type { DTypeName } from "../events.ts";

export interface PrintableTensor {
  /** row-major elements; float32 ones already rounded to float32 */
  values: number[];
  shape: number[];
  dtype: DTypeName;
}

export interface ReprSuffix {
  requiresGrad?: boolean;
  /** the grad_fn's class name, e.g. "MulBackward0" */
  gradFn?: string | null;
  /** forward AD: the tangent as f"{tangent}" shows it (a tensor's repr, or a 0-d one's item) */
  tangent?: string;
}

/** str(torch.float64) and friends */
export function dtypeRepr(dtype: DTypeName): string {
  return `torch.${dtype}`;
}

/** repr(torch.Size(shape)) */
export function sizeRepr(shape: readonly number[]): string {
  return `torch.Size([${shape.join(", ")}])`;
}

/** str(tuple(shape)): note the trailing comma of a one-element tuple */
function tupleRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** _add_suffixes: each suffix goes on the same line unless it would pass the line width */
function addSuffixes(text: string, suffixes: string[], indent: number): string {
  const parts = [text];
  // Python: len(s) - s.rfind("\n") + 1, where rfind gives -1 when there is no newline
  let lastLineLength = text.length - text.lastIndexOf("\n") + 1;
  for (const suffix of suffixes) {
    if (lastLineLength + suffix.length + 2 > PRINT_OPTS.linewidth) {
      parts.push(",\n" + " ".repeat(indent) + suffix);
      lastLineLength = indent + suffix.length;
    } else {
      parts.push(", " + suffix);
      lastLineLength += suffix.length + 2;
    }
  }
  parts.push(")");
  return parts.join("");
}

/** exactly what print(t) / repr(t) shows in PyTorch 2.6 on the CPU */
export function formatTensor(t: PrintableTensor, suffix: ReprSuffix = {}): string {
  const prefix = "tensor(";
  const indent = prefix.length;
  const suffixes: string[] = [];
  const numel = t.shape.reduce((a, b) => a * b, 1);
  let body: string;
  if (numel === 0) {
    // an empty tensor has no elements to show its shape or integer-ness, so both are spelled out
    if (t.shape.length !== 1) suffixes.push(`size=${tupleRepr(t.shape)}`);
    if (t.dtype !== "float32") suffixes.push(`dtype=${dtypeRepr(t.dtype)}`);
    body = "[]";
  } else {
    if (t.dtype === "float64" || t.dtype === "int32") suffixes.push(`dtype=${dtypeRepr(t.dtype)}`);
    body = tensorBody(t.values, t.shape, t.dtype, indent);
  }
  if (suffix.gradFn) suffixes.push(`grad_fn=<${suffix.gradFn}>`);
  else if (suffix.requiresGrad) suffixes.push("requires_grad=True");
  if (suffix.tangent !== undefined) suffixes.push(`tangent=${suffix.tangent}`);
  return addSuffixes(prefix + body, suffixes, indent);
}
