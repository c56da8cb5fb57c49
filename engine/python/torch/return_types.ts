// torch.return_types.max / sort / topk ...: a (values, indices) tuple that also has
// .values and .indices, printed as PyTorch prints it.
import * as T from "../../index.ts";
import type { Tensor } from "../../tensor.ts";
import { PyClass, PyTuple, type PyValue, tupleClass } from "../values.ts";

const returnTypeClasses = new Map<string, PyClass>();

class ReturnTuple extends PyTuple {
  constructor(
    readonly typeName: string,
    readonly values: Tensor,
    readonly indices: Tensor,
  ) {
    super([values, indices]);
  }
  override get cls(): PyClass {
    let c = returnTypeClasses.get(this.typeName);
    if (!c) returnTypeClasses.set(this.typeName, (c = new PyClass(this.typeName, tupleClass, undefined, "torch.return_types")));
    return c;
  }
  override customRepr(): string {
    return `torch.return_types.${this.typeName}(\nvalues=${T.repr(this.values)},\nindices=${T.repr(this.indices)})`;
  }
  override extraAttr(name: string): PyValue | undefined {
    if (name === "values") return this.values;
    if (name === "indices") return this.indices;
    return undefined;
  }
}

export function returnTypes(name: string, values: Tensor, indices: Tensor): PyValue {
  return new ReturnTuple(name, values, indices);
}
