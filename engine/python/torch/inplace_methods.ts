// In-place variants of tensor methods Gradlens has out of place (x.tril_(), x.cumsum_(1),
// x.addmm_(m1, m2)...): the out-of-place method computes the values and supplies its node
// (TrilBackward0, CumsumBackward0...), which inplaceOf writes into x as PyTorch's kernels do.
import * as T from "../../index.ts";
import { typeMetaName, type DType } from "../../dtype.ts";
import type { Tensor } from "../../tensor.ts";
import { type CallArgs, type PyValue, pyErr } from "../values.ts";
import { isTensor } from "./convert.ts";
import { PyDType } from "./dtypes.ts";

type Method = (x: Tensor, a: CallArgs) => PyValue;

/** the ops whose in-place form is their out-of-place result written into self */
export const INPLACE_VARIANTS = ["tril", "triu", "cumsum", "cumprod", "addmm"] as const;

/** Adds `name_` for each of INPLACE_VARIANTS to `methods`, which must hold `name`. */
export function addInplaceVariants(methods: Record<string, Method>): void {
  for (const name of INPLACE_VARIANTS) {
    const outOfPlace = methods[name];
    methods[`${name}_`] = (x, a) => {
      // cumsum_(0, dtype=...) may not change self's dtype (ATen's check, before any work)
      const dtype = a.kwargs.get("dtype");
      if (dtype instanceof PyDType && dtype.name !== x.dtype)
        throw pyErr("RuntimeError", `Bad in-place call: input tensor dtype ${typeMetaName(x.dtype)} and output tensor dtype ${typeMetaName(dtype.name as DType)} should match`);
      const others = [...a.args, ...a.kwargs.values()].filter(isTensor);
      return T.inplaceOf(x, `${name}_`, (t) => outOfPlace(t, a) as Tensor, others);
    };
  }
}
