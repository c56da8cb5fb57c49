// grad_fn objects as Python sees them: <MulBackward0 object at 0x...>, .name(),
// .next_functions, saved tensors (_saved_self...), AccumulateGrad's .variable.
import { FREED_MESSAGE, GradNode } from "../../autograd/node.ts";
import { recordConstant } from "../../autograd/record.ts";
import { nodeHookMethod } from "./autograd/hook_methods.ts";
import { rawSaved } from "./autograd/raw_saved.ts";
import { customAttr, customState, setCustomAttr } from "./autograd/function_ctx.ts";
import { makeView, type Tensor } from "../../tensor.ts";
import { PyBuiltin, PyClass, PyDict, PyTuple, type ForeignType, type PyValue, objectClass, pyErr } from "../values.ts";

/** nodes PyTorch implements in C++ outside the generated code: .name() shows their namespace */
const CPP_NODES = new Set(["AccumulateGrad", "CopyBackwards", "CopySlices", "GraphRoot", "Error", "DelayedError", "NotImplemented"]);

export const gradFnBaseClass = new PyClass("Node", objectClass, undefined, "torch.autograd.graph");
// every grad_fn is a torch.autograd.graph.Node, though Node is not among its bases (an ABC's
// subclass hook in PyTorch): isinstance(y.grad_fn, Node) is True, MulBackward0.__mro__ stays
gradFnBaseClass.instanceCheck = (v) => v instanceof GradNode;
gradFnBaseClass.subclassCheck = (c) => [...classes.values()].includes(c);

const classes = new Map<string, PyClass>();
function classFor(name: string): PyClass {
  let c = classes.get(name);
  if (!c) {
    c = new PyClass(name, objectClass, undefined, "builtins");
    classes.set(name, c);
  }
  return c;
}

/** Node.metadata: a dict of the program's own, made on first read */
const metadata = new WeakMap<GradNode, PyDict>();

export const gradFnType: ForeignType = {
  cls: gradFnBaseClass,
  is: (v) => v instanceof GradNode,
  classOf: (n: GradNode) => customState(n)?.backwardClass ?? classFor(n.name),
  repr: (n: GradNode) => (customState(n) ? `<torch.autograd.function.${n.name} object at 0x0>` : `<${n.name} object at 0x0>`),
  setattr: (n: GradNode, name: string, value: PyValue): boolean => {
    const custom = customState(n);
    return custom ? setCustomAttr(custom, name, value) : false;
  },
  // `del ctx.result` (a custom Function's jvp or backward dropping what forward kept)
  delattr: (n: GradNode, name: string): boolean => customState(n)?.attrs.delete(name) ?? false,
  getattr: (n: GradNode, name: string): PyValue | undefined => {
    const custom = customState(n);
    if (custom) {
      const v = customAttr(n, custom, name);
      if (v !== undefined) return v;
    }
    switch (name) {
      case "name":
        return new PyBuiltin("name", () => (CPP_NODES.has(n.name) ? `torch::autograd::${n.name}` : n.pyName()), n);
      case "next_functions":
        return new PyTuple(n.next.map((e) => new PyTuple(e ? [e.node, BigInt(e.inputNr)] : [null, 0n])));
      case "variable":
        return n.variable ?? undefined;
      case "register_hook":
      case "register_prehook":
        return nodeHookMethod(n, name);
      case "metadata": {
        let d = metadata.get(n);
        if (!d) metadata.set(n, (d = new PyDict()));
        return d;
      }
      case "__class__":
        return classFor(n.name);
    }
    if (name.startsWith("_raw_saved_")) {
      const s = n.saved.find((x) => x.slot === name.slice("_raw_saved_".length));
      return s ? rawSaved(n, s) : undefined;
    }
    if (name.startsWith("_saved_")) {
      const slot = name.slice("_saved_".length);
      const list = n.savedLists?.get(slot);
      if (list) {
        if (n.released) throw pyErr("RuntimeError", FREED_MESSAGE);
        return new PyTuple(list.map((k) => (k === null ? null : n.saved.find((x) => x.slot === k)!.peek())));
      }
      const arg = n.savedArgs?.get(slot);
      if (arg !== undefined) return Array.isArray(arg) ? new PyTuple(arg.map((d) => BigInt(d))) : arg;
      const s = n.saved.find((x) => x.slot === slot);
      if (!s) return undefined;
      if (s.released) throw pyErr("RuntimeError", FREED_MESSAGE);
      if (s.hooked) return s.unpack(n);
      const t = s.peek();
      // a saved output unpacks into a new tensor object over the same storage, with this node as
      // its grad_fn: y.grad_fn._saved_result is y prints False
      return t && s.isOutput ? unpackedOutput(t, n) : t;
    }
    return undefined;
  },
};

/** a new tensor over a saved output's storage, grad_fn the node that saved it, as SavedVariable::unpack makes */
function unpackedOutput(t: Tensor, node: GradNode): Tensor {
  const u = makeView(t, t.shape.slice(), t.strides.slice(), t.offset);
  u.base = t.base;
  u.viewCreation = t.viewCreation;
  u.gradFn = node;
  u.outputNr = t.outputNr;
  return recordConstant(u, "unpack saved tensor", [t], true);
}
