// torch.Tensor's methods and operator dunders as class attributes: torch.Tensor.sum(x),
// torch.Tensor.__add__(x, 1), x.__rsub__(3), super().__mul__(other) in a subclass. Each is a
// method descriptor of torch._C.TensorBase (as PyTorch shows them) calling the same code the
// operators and methods run; an operand the operator does not take gives NotImplemented.
import type { Tensor } from "../../tensor.ts";
import { COMPARE_DUNDER } from "../compare.ts";
import { PyMethodDescriptor } from "../descriptors.ts";
import { BINARY_DUNDER } from "../ops.ts";
import { type CallArgs, type ForeignType, iteratorClass, NotImplemented, objectClass, PyClass, PyIterator, type PyValue, pyErr } from "../values.ts";
import { isTensor } from "./convert.ts";

type Slot = (self: Tensor, a: CallArgs) => PyValue;

const UNARY: Record<string, string> = { "-": "neg", "+": "pos", abs: "abs", "~": "invert" };

const arg = (a: CallArgs): PyValue => a.args[0] ?? null;
const orNot = (v: PyValue | undefined): PyValue => (v === undefined ? NotImplemented : v);

function slots(type: ForeignType): Record<string, Slot> {
  const binop = type.binop!;
  const out: Record<string, Slot> = {};
  for (const [op, [forward, reflected, inplace]] of Object.entries(BINARY_DUNDER)) {
    if (op === "divmod") continue; // a tensor has no __divmod__
    out[forward] = (x, a) => orNot(binop(op, x, arg(a), false));
    out[reflected] = (x, a) => orNot(binop(op, arg(a), x, false));
    out[inplace] = (x, a) => orNot(binop(op, x, arg(a), true));
  }
  for (const [op, name] of Object.entries(COMPARE_DUNDER)) out[name] = (x, a) => orNot(binop(op, x, arg(a), false));
  for (const [op, n] of Object.entries(UNARY)) out[`__${n}__`] = (x) => orNot(type.unop!(op, x));
  Object.assign(out, {
    __len__: (x: Tensor) => BigInt(type.len!(x)),
    __iter__: (x: Tensor) => {
      const items = type.iter!(x);
      let i = 0;
      return new PyIterator(iteratorClass, () => items[i++]);
    },
    __contains__: (x: Tensor, a: CallArgs) => binop("contains", x, arg(a), false)!,
    __getitem__: (x: Tensor, a: CallArgs) => type.getitem!(x, arg(a)),
    __setitem__: (x: Tensor, a: CallArgs) => (type.setitem!(x, arg(a), a.args[1] ?? null), null),
    __bool__: (x: Tensor) => type.truthy!(x),
    __float__: (x: Tensor) => type.toFloat!(x),
    __int__: (x: Tensor) => type.toInt!(x),
    __index__: (x: Tensor) => {
      const i = type.toIndex!(x);
      if (i === undefined) throw pyErr("TypeError", "only integer tensors of a single element can be converted to an index");
      return i;
    },
    __format__: (x: Tensor, a: CallArgs) => type.format!(x, String(arg(a))),
    __repr__: (x: Tensor) => type.repr!(x),
  } satisfies Record<string, Slot>);
  return out;
}

/** torch._C.TensorBase, torch.Tensor's base: where the descriptors live */
export const tensorBaseClass = new PyClass("TensorBase", objectClass, undefined, "torch._C");

/** make `cls.name` find the operator dunders and the methods of `methods` */
export function installTensorAttrs(type: ForeignType, methods: Record<string, (x: Tensor, a: CallArgs) => PyValue>): void {
  const table = slots(type);
  tensorBaseClass.nativeAttr = (name) => {
    const fn = Object.hasOwn(table, name) ? table[name] : Object.hasOwn(methods, name) ? methods[name] : undefined;
    if (!fn) return undefined;
    return new PyMethodDescriptor(name, tensorBaseClass, (self, a) => fn(self as Tensor, a), "method", "torch._C.TensorBase");
  };
}

/** x.__add__ read through a tensor: the dunder bound to it (methods are bound by getattr) */
export function tensorDunder(x: Tensor, name: string): PyValue | undefined {
  if (!name.startsWith("__") || !isTensor(x)) return undefined;
  const d = tensorBaseClass.lookup(name);
  return d instanceof PyMethodDescriptor && d.owner === tensorBaseClass ? d.bind(x) : undefined;
}
