// The legacy typed constructors older tutorials use: torch.LongTensor([1, 2]), torch.FloatTensor(...),
// DoubleTensor, IntTensor, BoolTensor. Each is a class whose call makes a tensor of its dtype from
// data, and isinstance(t, torch.LongTensor) holds for every int64 tensor (PyTorch's tensor-type
// metaclass). A size instead of data would be uninitialised memory: refused as torch.Tensor(sizes) is.
import type { DType } from "../../dtype.ts";
import * as T from "../../index.ts";
import type { Runtime } from "../../runtime.ts";
import { PyClass, type PyValue, objectClass, pyErr } from "../values.ts";
import { isScalar, isTensor, toNested } from "./convert.ts";
import { invalidArguments } from "./invalid_arguments.ts";

/** c10's names for the dtypes in TensorOptions' message */
const OPTION_NAMES: Record<string, string> = { int64: "long int", float32: "float", float64: "double", int32: "int", bool: "bool" };

const TYPES: [string, DType][] = [
  ["FloatTensor", "float32"],
  ["DoubleTensor", "float64"],
  ["LongTensor", "int64"],
  ["IntTensor", "int32"],
  ["BoolTensor", "bool"],
];

const options = (d: string) =>
  `TensorOptions(dtype=${OPTION_NAMES[d]}, device=cpu, layout=Strided, requires_grad=false (default), pinned_memory=false (default), memory_format=(nullopt))`;

/** torch.Tensor's (and the typed constructors') signatures, as the parser lists them */
const NEW_SIGNATURES = [
  "(*, torch.device device = None)",
  "(torch.Storage storage)",
  "(Tensor other)",
  "(tuple of ints size, *, torch.device device = None)",
  "(object data, *, torch.device device = None)",
];

export function legacyTensorTypes(rt: Runtime): [string, PyClass][] {
  return TYPES.map(([name, dtype]) => {
    const cls = new PyClass(name, objectClass, undefined, "torch");
    cls.instanceCheck = (v) => isTensor(v) && v.dtype === dtype;
    cls.construct = (a) => {
      if (a.kwargs.size > 0) throw invalidArguments("new", a, NEW_SIGNATURES);
      if (a.args.length === 0) return T.tensor(rt, [], { dtype });
      const data = a.args[0] as PyValue;
      if (a.args.length === 1 && isTensor(data)) {
        if (data.dtype !== dtype) throw pyErr("TypeError", `expected ${options(dtype)} (got ${options(data.dtype)})`);
        return data;
      }
      if (a.args.length === 1 && typeof data === "object" && data !== null && !isScalar(data))
        return T.tensor(rt, toNested(data) as T.NestedData, { dtype });
      throw pyErr("NotImplementedError", `torch.${name}(sizes) gives uninitialised memory; use torch.zeros(sizes, dtype=torch.${dtype}) or torch.empty(sizes, dtype=torch.${dtype})`);
    };
    return [name, cls];
  });
}
