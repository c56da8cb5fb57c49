// The legacy typed constructors older tutorials use: torch.LongTensor([1, 2]), torch.FloatTensor(...),
// DoubleTensor, IntTensor, BoolTensor. Each is a class whose call makes a tensor of its dtype from
// data, and isinstance(t, torch.LongTensor) holds for every int64 tensor (PyTorch's tensor-type
// metaclass). A size instead of data would be uninitialised memory: refused as torch.Tensor(sizes) is.
import type { DType } from "../../dtype.ts";
import * as T from "../../index.ts";
import type { Runtime } from "../../runtime.ts";
import { PyClass, type PyValue, classOf, objectClass, pyErr, typeName } from "../values.ts";
import { isScalar, isTensor, toNested } from "./convert.ts";

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

/** the type names PyTorch's argument parser prints: torch's own classes qualified (torch.dtype) */
const argTypeName = (v: PyValue): string =>
  classOf(v).module === "torch" && !isTensor(v) ? `torch.${typeName(v)}` : typeName(v);

export function legacyTensorTypes(rt: Runtime): [string, PyClass][] {
  return TYPES.map(([name, dtype]) => {
    const cls = new PyClass(name, objectClass, undefined, "torch");
    cls.instanceCheck = (v) => isTensor(v) && v.dtype === dtype;
    cls.construct = (a) => {
      if (a.kwargs.size > 0) {
        const got = [...a.args.map(argTypeName), ...[...a.kwargs.entries()].map(([k, v]) => `${k}=${argTypeName(v)}`)].join(", ");
        throw pyErr(
          "TypeError",
          `new() received an invalid combination of arguments - got (${got}), but expected one of:\n * (*, torch.device device = None)\n      didn't match because some of the keywords were incorrect: ${[...a.kwargs.keys()].join(", ")}\n * (torch.Storage storage)\n * (Tensor other)\n * (tuple of ints size, *, torch.device device = None)\n * (object data, *, torch.device device = None)\n`,
        );
      }
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
