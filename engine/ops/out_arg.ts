// An op's `out=` tensor (torch.matmul(a, b, out=c)): the result is written into `out`, which is
// returned. ATen refuses it when autograd would have to record the op, refuses a result dtype
// that cannot be cast to out's, and resizes an out of another shape (warning when it held elements).
import { atenTypeName, allocate, canCast, typeMetaName } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { contiguousStrides, numelOf, type Tensor } from "../tensor.ts";
import { writeOut } from "./inplace.ts";

/** before computing: out= with an input (or out) that requires grad, in grad mode, is refused */
export function checkOutAutograd(name: string, out: Tensor, inputs: readonly Tensor[]): void {
  const rt = out.rt;
  if (rt.gradEnabled && !rt.inferenceMode && (out.requiresGrad || inputs.some((t) => t.requiresGrad)))
    throw runtimeError(`${name}(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.`);
}

/** at::native::resize_output: a new shape for out (same storage when it is big enough) */
function resizeOutput(out: Tensor, shape: readonly number[]): void {
  const rt = out.rt;
  if (out.numel > 0)
    rt.warn(
      "UserWarning",
      `An output with one or more elements was resized since it had shape [${out.shape.join(", ")}], which does not match the required output shape [${shape.join(", ")}]. This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0). (Triggered internally at ./aten/src/ATen/native/Resize.cpp:30.)`,
    );
  const storage = out.storage;
  const numel = numelOf(shape);
  if (numel > storage.data.length) {
    const data = allocate(out.dtype, numel);
    data.set(storage.data as never);
    storage.data = data;
  }
  out.shape = shape.slice();
  out.strides = contiguousStrides(shape);
  out.numel = numel;
}

/** Gradlens resizes only an out= that is the whole of its own storage */
export const resizableOut = (out: Tensor): boolean =>
  out.isContiguous() && out.offset === 0 && out.storage.viewers.every((id) => id === out.id);

export const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/** how an op's out= may differ in dtype from its result: "cast" (TensorIterator ops cast their
 *  result into out when the category allows), "matmul" and "dot" (out must be the inputs' dtype) */
export type OutDTypeRule = "cast" | "matmul" | "dot";

function checkOutDType(rule: OutDTypeRule, out: Tensor, result: Tensor): void {
  if (rule === "cast") {
    if (!canCast(result.dtype, out.dtype))
      throw runtimeError(`result type ${atenTypeName(result.dtype)} can't be cast to the desired output type ${atenTypeName(out.dtype)}`);
  } else if (out.dtype !== result.dtype)
    throw runtimeError(
      rule === "matmul"
        ? `Expected out tensor to have dtype ${typeMetaName(result.dtype)}, but got ${typeMetaName(out.dtype)} instead`
        : `result dtype ${atenTypeName(out.dtype)} does not match input dtype ${atenTypeName(result.dtype)}`,
    );
}

/** after computing: result's values into out, returned */
export function intoOut(name: string, out: Tensor, result: Tensor, rule: OutDTypeRule): Tensor {
  checkOutDType(rule, out, result);
  const resized = !sameShape(out.shape, result.shape);
  if (resized) resizeOutput(out, result.shape);
  return out.rt.noGrad(() => writeOut(out, result, `${name} (out=)`, resized));
}
