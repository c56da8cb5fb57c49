// Tensors that are instances of a subclass of torch.Tensor (nn.Parameter): the engine's tensor
// stays the object, this table gives its Python class. Ops on them return plain tensors, as
// Parameter's disabled __torch_function__ makes them in PyTorch; in-place ops return the object.
import type { Tensor } from "../../tensor.ts";
import type { CallArgs, PyClass, PyValue } from "../values.ts";

export interface TensorSubclass {
  cls: PyClass;
  /** printed before the tensor's own repr ("Parameter containing:\n") */
  reprPrefix: string;
  /** a lazy module's placeholder (UninitializedParameter): its whole repr, its own methods, and
   *  most of Tensor's refused until it is materialized */
  uninitialized?: {
    repr: string;
    methods: Record<string, (x: Tensor, a: CallArgs) => PyValue>;
  };
}

const subclassOf = new WeakMap<Tensor, TensorSubclass>();

/** undefined makes the tensor a plain torch.Tensor again (a materialized UninitializedBuffer) */
export function setTensorSubclass(t: Tensor, sub: TensorSubclass | undefined): void {
  if (sub) subclassOf.set(t, sub);
  else subclassOf.delete(t);
}

export function tensorSubclass(t: Tensor): TensorSubclass | undefined {
  return subclassOf.get(t);
}
