// torch.nn.Parameter: a tensor that a Module registers as a parameter. Parameter(data) is, as
// PyTorch's _make_subclass makes it, data.detach() (same storage and version counter) with
// requires_grad set, whose Python class is Parameter (a subclass of torch.Tensor; subclass.ts).
import * as T from "../../../index.ts";
import type { Runtime } from "../../../runtime.ts";
import type { Tensor } from "../../../tensor.ts";
import { bindArgs } from "../../args.ts";
import { iterate, truthy } from "../../ops.ts";
import { type CallArgs, PyBuiltin, PyClass, PyList, PyModule, PyTuple, type PyValue, pyErr, typeName } from "../../values.ts";
import { isTensor, toDType, toShape } from "../convert.ts";
import { setTensorSubclass, type TensorSubclass, tensorSubclass } from "../subclass.ts";
import { tensorClass } from "../tensor.ts";

export const parameterClass = new PyClass("Parameter", tensorClass, undefined, "torch.nn.parameter");
const PARAMETER = { cls: parameterClass, reprPrefix: "Parameter containing:\n" };

export const isParameter = (v: PyValue): v is Tensor => isTensor(v) && tensorSubclass(v)?.cls === parameterClass;

export function makeParameter(rt: Runtime, data: PyValue, requiresGrad: boolean): Tensor {
  if (data === null) data = T.zeros(rt, [0]);
  if (!isTensor(data)) throw pyErr("TypeError", `_make_subclass(): argument 'data' (position 2) must be Tensor, not ${typeName(data)}`);
  if (requiresGrad && !T.isFloating(data.dtype))
    throw pyErr("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients");
  const p = T.detach(data);
  if (requiresGrad) T.requiresGrad_(p, true);
  setTensorSubclass(p, PARAMETER);
  return p;
}

/** a lazy module's placeholders (LazyLinear's weight and bias, LazyBatchNorm's running stats, until
 *  the first forward): an empty Parameter (or buffer) printed as <UninitializedParameter> that refuses
 *  most of Tensor, until materialize(shape) gives it its shape and makes it its cls_to_become (the
 *  same object: optimizers already hold it) */
export const uninitializedParameterClass = new PyClass("UninitializedParameter", parameterClass, undefined, "torch.nn.parameter");
uninitializedParameterClass.attrs.set("cls_to_become", parameterClass);
export const uninitializedBufferClass = new PyClass("UninitializedBuffer", tensorClass, undefined, "torch.nn.parameter");
uninitializedBufferClass.attrs.set("cls_to_become", tensorClass);

function uninitialized(cls: PyClass, becomes: TensorSubclass | undefined): TensorSubclass {
  return {
    cls,
    reprPrefix: "",
    uninitialized: {
      repr: `<${cls.name}>`,
      methods: {
        materialize: (x: Tensor, a: CallArgs): PyValue => {
          const { values } = bindArgs("materialize", a, [{ name: "shape" }, { name: "device", default: null }, { name: "dtype", default: null }]);
          const shape = values[0] as PyValue;
          const dtype = toDType(values[2] as PyValue);
          if (dtype !== undefined && dtype !== x.dtype) throw pyErr("NotImplementedError", "materialize() to another dtype is not in Gradlens yet");
          T.materialize(x, toShape(shape instanceof PyTuple || shape instanceof PyList ? [...iterate(shape)] : [shape], "materialize"));
          setTensorSubclass(x, becomes);
          return null;
        },
      },
    },
  };
}
const UNINITIALIZED_PARAMETER = uninitialized(uninitializedParameterClass, PARAMETER);
const UNINITIALIZED_BUFFER = uninitialized(uninitializedBufferClass, undefined);

export const isUninitialized = (v: PyValue): boolean => isTensor(v) && tensorSubclass(v)?.uninitialized !== undefined;

/** the torch.nn.parameter module of a run */
export function parameterModule(rt: Runtime): PyModule {
  parameterClass.construct = (a) => {
    const { values } = bindArgs("Parameter.__new__", a, [{ name: "data", default: null }, { name: "requires_grad", default: true }]);
    return makeParameter(rt, values[0] as PyValue, truthy(values[1] as PyValue));
  };
  uninitializedParameterClass.construct = (a) => {
    const { values } = bindArgs("UninitializedParameter.__new__", a, [
      { name: "requires_grad", default: true },
      { name: "device", default: null },
      { name: "dtype", default: null },
    ]);
    const p = makeParameter(rt, T.zeros(rt, [0], { dtype: toDType(values[2] as PyValue) }), truthy(values[0] as PyValue));
    setTensorSubclass(p, UNINITIALIZED_PARAMETER);
    return p;
  };
  uninitializedBufferClass.construct = (a) => {
    const { values } = bindArgs("UninitializedBuffer.__new__", a, [
      { name: "requires_grad", default: false },
      { name: "device", default: null },
      { name: "dtype", default: null },
    ]);
    const b = T.zeros(rt, [0], { dtype: toDType(values[2] as PyValue) });
    if (truthy(values[0] as PyValue)) T.requiresGrad_(b, true);
    setTensorSubclass(b, UNINITIALIZED_BUFFER);
    return b;
  };
  return new PyModule(
    "torch.nn.parameter",
    new Map<string, PyValue>([
      ["Parameter", parameterClass],
      ["UninitializedParameter", uninitializedParameterClass],
      ["UninitializedBuffer", uninitializedBufferClass],
      ["is_lazy", new PyBuiltin("is_lazy", (a) => isUninitialized(bindArgs("is_lazy", a, [{ name: "param" }]).values[0] as PyValue))],
    ]),
  );
}
