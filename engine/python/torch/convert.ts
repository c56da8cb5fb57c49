// Python values -> engine arguments: scalars, shapes (`zeros(2, 3)` or `zeros((2, 3))`),
// dims, dtypes, nested lists for torch.tensor, index specs for x[...].
import type { Scalar } from "../../dtype.ts";
import type { IndexSpec } from "../../ops/index_ops.ts";
import { Tensor } from "../../tensor.ts";
import { asIndex, isInt, toBig } from "../ops.ts";
import { Ellipsis, PyList, PySlice, PyTuple, type PyValue, pyErr, typeName } from "../values.ts";
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

/** x[...] subscripts -> the engine's index specs. */
export function toIndexSpecs(index: PyValue): IndexSpec[] {
  const items = index instanceof PyTuple ? index.items : [index];
  return items.map((v): IndexSpec => {
    if (v === null) return { kind: "none" };
    if (v === Ellipsis) return { kind: "ellipsis" };
    if (v instanceof PySlice) {
      const n = (x: PyValue, what: string): number | null => (x === null ? null : toInteger(x, `slice ${what}`));
      return { kind: "slice", start: n(v.start, "start"), stop: n(v.stop, "stop"), step: n(v.step, "step") };
    }
    if (typeof v === "bigint") return { kind: "int", value: Number(v) };
    if (isTensor(v)) {
      if (v.dim() === 0 && (v.dtype === "int64" || v.dtype === "int32")) return { kind: "int", value: v.at(0) };
      throw pyErr("NotImplementedError", "indexing a tensor with a tensor (advanced indexing) is outside what Gradlens runs");
    }
    if (v instanceof PyList || typeof v === "boolean")
      throw pyErr("NotImplementedError", "indexing a tensor with a list or bool (advanced indexing) is outside what Gradlens runs");
    throw pyErr(
      "IndexError",
      "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got " +
        typeName(v) +
        ")",
    );
  });
}

/** c10's device types, in the order its parse error lists them */
const DEVICE_TYPES = [
  "cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "maia", "xla", "lazy",
  "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone",
];

/** device='...': the CPU is the only device (PyTorch's CPU build says the same of CUDA) */
export function checkDevice(v: PyValue): void {
  if (typeof v !== "string") return;
  const type = v.split(":")[0];
  if (!DEVICE_TYPES.includes(type))
    throw pyErr("RuntimeError", `Expected one of ${DEVICE_TYPES.join(", ")} device type at start of device string: ${v}`);
  if (type === "cpu") return;
  if (type === "cuda") throw pyErr("AssertionError", "Torch not compiled with CUDA enabled");
  throw pyErr("NotImplementedError", `Gradlens runs on the CPU only: device '${type}' is not available`);
}
