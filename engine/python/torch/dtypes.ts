// torch dtypes as Python objects (torch.float32 is torch.float, prints as torch.float32),
// and torch.Size: a tuple subclass that prints as torch.Size([2, 3]).
import type { DType } from "../../dtype.ts";
import { sizeRepr } from "../../format/index.ts";
import { PyBuiltin, PyClass, PyObj, PyTuple, type PyValue, objectClass, pyErr, tupleClass } from "../values.ts";

export const dtypeClass = new PyClass("dtype", objectClass, undefined, "torch");

export class PyDType extends PyObj {
  constructor(
    /** the engine's name, or an unsupported PyTorch name such as "int32" */
    readonly name: string,
    readonly supported: boolean,
  ) {
    super();
  }
  get cls(): PyClass {
    return dtypeClass;
  }
  override reprText(): string {
    return `torch.${this.name}`;
  }
  get engine(): DType {
    if (!this.supported)
      throw pyErr(
        "NotImplementedError",
        `torch.${this.name} is not supported by the Gradlens engine (it has float32, float64, int64, int32 and bool)`,
      );
    return this.name as DType;
  }
}

const all = new Map<string, PyDType>();
for (const n of ["float32", "float64", "int64", "int32", "bool"]) all.set(n, new PyDType(n, true));
for (const n of ["float16", "bfloat16", "int16", "int8", "uint8", "complex64", "complex128"]) all.set(n, new PyDType(n, false));

export function dtypeObject(d: string): PyDType {
  return all.get(d)!;
}

/** torch.float32, torch.float, torch.double, torch.long, ... as module attributes */
export function dtypeAttrs(): [string, PyDType][] {
  const alias: [string, string][] = [
    ["float", "float32"],
    ["double", "float64"],
    ["long", "int64"],
    ["half", "float16"],
    ["int", "int32"],
    ["short", "int16"],
  ];
  return [...[...all.entries()], ...alias.map(([a, n]): [string, PyDType] => [a, all.get(n)!])];
}

export const sizeClass = new PyClass("Size", tupleClass, undefined, "torch");

export class TorchSize extends PyTuple {
  constructor(readonly dims: number[]) {
    super(dims.map((d) => BigInt(d)));
  }
  override get cls(): PyClass {
    return sizeClass;
  }
  override customRepr(): string {
    return sizeRepr(this.dims);
  }
  override extraAttr(name: string): PyValue | undefined {
    if (name === "numel") return new PyBuiltin("numel", () => BigInt(this.dims.reduce((a, b) => a * b, 1)), this);
    return undefined;
  }
}
