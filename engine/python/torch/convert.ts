// Python values -> engine arguments: scalars, shapes (`zeros(2, 3)` or `zeros((2, 3))`),
// dims, dtypes, nested lists for torch.tensor, index specs for x[...].
import type { Scalar } from "../../dtype.ts";
import * as T from "../../index.ts";
import type { IndexItem } from "../../ops/subscript.ts";
import type { Runtime } from "../../runtime.ts";
import { Tensor } from "../../tensor.ts";
import { asIndex, isInt, iterate, toBig } from "../ops.ts";
import { Ellipsis, PyList, PyRange, PySlice, PyTuple, type PyValue, pyErr, typeName } from "../values.ts";
import { PyDType } from "./dtypes.ts";
import type { DType } from "../../dtype.ts";

export const isTensor = (v: unknown): v is Tensor => v instanceof Tensor;

export function isScalar(v: PyValue): v is Scalar {
  return typeof v === "number" || typeof v === "bigint" || typeof v === "boolean";
}

/** A Python number (or a one-element tensor where PyTorch takes a Number). */
export function toScalar(v: PyValue, what: string): Scalar {
  if (isScalar(v)) return v;
  if (isTensor(v) && v.numel === 1 && v.dim() === 0) {
    const x = v.at(0);
    return v.dtype === "bool" ? x !== 0 : v.dtype === "int64" || v.dtype === "int32" ? BigInt(x) : x;
  }
  throw pyErr("TypeError", `${what} must be Number, not ${typeName(v)}`);
}

export function toOperand(v: PyValue, what: string): Tensor | Scalar {
  if (isTensor(v)) return v;
  return toScalar(v, what);
}

export function toTensorArg(v: PyValue, fname: string, argName = "input", pos = 1): Tensor {
  if (isTensor(v)) return v;
  throw pyErr("TypeError", `${fname}(): argument '${argName}' (position ${pos}) must be Tensor, not ${typeName(v)}`);
}

export function toInteger(v: PyValue, what: string): number {
  const i = asIndex(v);
  if (i === undefined) throw pyErr("TypeError", `${what} must be int, not ${typeName(v)}`);
  return Number(i);
}

/** Shapes as PyTorch takes them: f(2, 3), f((2, 3)), f([2, 3]), f(torch.Size([2, 3])). */
export function toShape(args: PyValue[], fname: string): number[] {
  if (args.length === 1 && (args[0] instanceof PyTuple || args[0] instanceof PyList)) {
    return args[0].items.map((v) => toInteger(v, `${fname}(): argument 'size'`));
  }
  return args.map((v) => {
    if (!isInt(v)) {
      const i = asIndex(v);
      if (i !== undefined) return Number(i);
      throw pyErr(
        "TypeError",
        `${fname}(): argument 'size' must be tuple of ints, but found element of type ${typeName(v)} at pos ${args.indexOf(v)}`,
      );
    }
    return Number(toBig(v));
  });
}

/** dim=1 or dim=(0, 1); null when absent/None. */
export function toDims(v: PyValue | undefined): number | number[] | null {
  if (v === undefined || v === null) return null;
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => toInteger(x, "dim"));
  return toInteger(v, "dim");
}

export function toDType(v: PyValue | undefined): DType | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof PyDType) return v.engine;
  if (v === "float32" || v === "float64" || v === "int64" || v === "int32" || v === "bool") return v;
  throw pyErr("TypeError", `dtype must be torch.dtype, not ${typeName(v)}`);
}

export type Nested = Scalar | Tensor | Nested[];

/** Data for torch.tensor: nested lists/tuples of numbers (or one-element tensors). */
export function toNested(v: PyValue): Nested {
  if (isScalar(v) || isTensor(v)) return v;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map(toNested);
  throw pyErr("TypeError", `Could not infer dtype of ${typeName(v)}`);
}

/** one Python subscript item as PyTorch sees it */
function indexItem(rt: Runtime, v: PyValue): IndexItem {
  if (v === null) return { kind: "none" };
  if (v === Ellipsis) return { kind: "ellipsis" };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (typeof v === "bigint") return { kind: "int", value: Number(v) };
  if (v instanceof PySlice) {
    const n = (x: PyValue): number | null => {
      if (x === null) return null;
      const i = asIndex(x);
      if (i === undefined) throw pyErr("TypeError", "slice indices must be integers or None or have an __index__ method");
      return Number(i);
    };
    return { kind: "slice", start: n(v.start), stop: n(v.stop), step: n(v.step) };
  }
  if (isTensor(v)) return { kind: "tensor", tensor: v };
  if (isSequence(v)) return { kind: "tensor", tensor: indexingTensor(rt, v) };
  const i = asIndex(v);
  if (i !== undefined) return { kind: "int", value: Number(i) };
  throw pyErr(
    "IndexError",
    `only integers, slices (\`:\`), ellipsis (\`...\`), None and long or byte Variables are valid indices (got ${typeName(v)})`,
  );
}

const isSequence = (v: PyValue): v is PyList | PyTuple | PyRange | string =>
  v instanceof PyList || v instanceof PyTuple || v instanceof PyRange || typeof v === "string";

function sequenceItems(v: PyList | PyTuple | PyRange | string): PyValue[] {
  if (v instanceof PyRange) return [...iterate(v)];
  if (typeof v === "string") return [...v];
  return v.items;
}

/** treatSequenceAsTuple: NumPy's rule for a list used as an index — a short list holding a
 *  tensor, a sequence, a slice, None or Ellipsis is a tuple of indices, any other is one index */
function treatAsTuple(v: PyValue): boolean {
  if (v instanceof PyTuple) return true;
  if (isTensor(v) || !isSequence(v)) return false;
  const items = sequenceItems(v);
  if (items.length >= 32) return false;
  return items.some((x) => isTensor(x) || isSequence(x) || x instanceof PySlice || x === null || x === Ellipsis);
}

/** indexing_tensor_from_data: a list becomes a bool tensor if it holds only bools, else int64 */
function indexingTensor(rt: Runtime, v: PyList | PyTuple | PyRange | string): Tensor {
  let allBool = true;
  const walk = (x: PyValue): Nested => {
    if (typeof x === "string") throw pyErr("TypeError", "new(): invalid data type 'str'");
    if (isSequence(x)) return sequenceItems(x).map(walk);
    if (isTensor(x)) {
      if (x.dtype !== "bool") allBool = false;
      return x.dim() === 0 ? x : (pyFromTensor(x) as Nested);
    }
    if (typeof x === "boolean") return x;
    if (typeof x === "bigint" || typeof x === "number") {
      allBool = false;
      return x;
    }
    throw pyErr("TypeError", `new(): invalid data type '${typeName(x)}'`);
  };
  const data = walk(v);
  if (Array.isArray(data) && data.length === 0) allBool = false;
  return T.tensor(rt, data as T.NestedData, { dtype: allBool ? "bool" : "int64" });
}

function pyFromTensor(x: Tensor): Nested {
  const l = T.tolist(x);
  const conv = (y: T.PyNested): Nested => (Array.isArray(y) ? y.map(conv) : y);
  return conv(l);
}

/** x[...] subscripts -> the engine's index items; `single`: not a tuple (PyTorch's fast paths) */
export function toIndexItems(rt: Runtime, index: PyValue): { items: IndexItem[]; single: boolean } {
  if (!treatAsTuple(index) && (index === null || index === Ellipsis || typeof index === "boolean" || typeof index === "bigint" || index instanceof PySlice))
    return { items: [indexItem(rt, index)], single: true };
  const items = treatAsTuple(index) ? sequenceItems(index as PyList | PyTuple) : [index];
  return { items: items.map((v) => indexItem(rt, v)), single: false };
}

export { checkDevice } from "./device.ts";
