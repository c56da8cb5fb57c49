// Custom autograd Functions: `class F(torch.autograd.Function)` with static forward/backward
// (or forward + setup_context), F.apply. apply makes the FBackward node first (it is the ctx),
// runs forward with grad mode off, then wires the node to the tensor inputs and gives it to the
// outputs, as PyTorch's THPFunction_apply does. When backward reaches the node, the program's
// own backward runs (its statements narrated like any other code), under create_graph's grad mode.
import { GradNode } from "../../../autograd/node.ts";
import { gradientEdge } from "../../../autograd/record.ts";
import { attachTangent, inputTangents } from "../../../autograd/forward_ad.ts";
import { runtimeError } from "../../../errors.ts";
import type { Runtime } from "../../../runtime.ts";
import { makeView, type Tensor } from "../../../tensor.ts";
import * as T from "../../../index.ts";
import { PyClassMethod, PyStaticMethod, bindAttr, NO_INSTANCE } from "../../descriptors.ts";
import { host } from "../../host.ts";
import {
  type CallArgs,
  PyBuiltin,
  PyClass,
  PyModule,
  PyTuple,
  PyList,
  type PyValue,
  classOf,
  objectClass,
  pyErr,
  typeName,
  EMPTY_KWARGS,
} from "../../values.ts";
import { isTensor } from "../convert.ts";
import { type CustomState, backwardCFunctionClass, customState, setCustomState } from "./function_ctx.ts";
import { onceDifferentiable } from "./once_differentiable.ts";

const BACKWARD_MISSING =
  "You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.";

function backwardClassFor(cls: PyClass): PyClass {
  const own = cls.attrs.get("_backward_cls");
  if (own instanceof PyClass) return own;
  const b = new PyClass(`${cls.name}Backward`, backwardCFunctionClass, undefined, "torch.autograd.function");
  cls.attrs.set("_backward_cls", b);
  return b;
}

export function functionModule(rt: Runtime): PyModule {
  const fnClass = new PyClass("Function", objectClass, undefined, "torch.autograd.function");
  fnClass.native = objectClass;
  fnClass.user = true;
  const stat = (name: string, f: (a: CallArgs) => PyValue) => fnClass.attrs.set(name, new PyStaticMethod(new PyBuiltin(name, f)));
  stat("forward", () => {
    throw pyErr("NotImplementedError", "You must implement the forward function for custom autograd.Function.");
  });
  const defaultBackward = new PyBuiltin("backward", () => {
    throw pyErr("NotImplementedError", BACKWARD_MISSING);
  });
  fnClass.attrs.set("backward", new PyStaticMethod(defaultBackward));
  const defaultSetup = new PyBuiltin("setup_context", () => {
    throw pyErr("NotImplementedError", "setup_context is not implemented.");
  });
  fnClass.attrs.set("setup_context", new PyStaticMethod(defaultSetup));
  fnClass.attrs.set(
    "__init_subclass__",
    new PyClassMethod(new PyBuiltin("__init_subclass__", (a) => (backwardClassFor(a.args[0] as PyClass), null))),
  );
  fnClass.attrs.set(
    "__init__",
    new PyBuiltin("__init__", (a) => {
      const cls = classOf(a.args[0]);
      rt.warn(
        "DeprecationWarning",
        `<class '${cls.module}.${cls.qualName}'> should not be instantiated. Methods on autograd functions are all static, so you should invoke them on the class itself. Instantiating an autograd function will raise an error in a future version of PyTorch.`,
      );
      return null;
    }),
  );
  fnClass.attrs.set(
    "__call__",
    new PyBuiltin("__call__", () => {
      throw runtimeError(
        "Legacy autograd function with non-static forward method is deprecated. Please use new-style autograd function with static forward method. (Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)",
      );
    }),
  );
  fnClass.attrs.set(
    "apply",
    new PyClassMethod(
      new PyBuiltin("apply", (a) => {
        const cls = a.args[0] as PyClass;
        if (cls === fnClass) throw pyErr("NotImplementedError", "You must implement the forward function for custom autograd.Function.");
        return apply(rt, cls, { args: a.args.slice(1), kwargs: a.kwargs }, defaultSetup);
      }),
    ),
  );
  return new PyModule(
    "torch.autograd.function",
    new Map<string, PyValue>([
      ["Function", fnClass],
      ["BackwardCFunction", backwardCFunctionClass],
      ["once_differentiable", new PyBuiltin("once_differentiable", (a) => onceDifferentiable(rt, a.args[0]))],
    ]),
  );
}

/** the class's static method `name`, unbound */
function staticOf(cls: PyClass, name: string): PyValue {
  return bindAttr(cls.lookup(name) ?? null, NO_INSTANCE, cls);
}

function apply(rt: Runtime, cls: PyClass, a: CallArgs, defaultSetup: PyBuiltin): PyValue {
  const backwardClass = backwardClassFor(cls);
  // the call's own place in the source (forward's ops move rt.span into forward's body)
  const span = rt.span;
  const args = a.args;
  const tensorArgs: Tensor[] = [];
  const edgeOf = args.map((v) => (isTensor(v) ? tensorArgs.push(v) - 1 : -1));
  const node = new GradNode(rt, backwardClass.name, [], (grads, n) => runBackward(rt, cls, n, grads));
  // the program's own Function (a library's, as nn's BackwardHookFunction, is not stepped through)
  node.userBackward = cls.module === "__main__";
  const state: CustomState = {
    fnClass: cls,
    backwardClass,
    attrs: new Map(),
    toSave: null,
    savedSlots: null,
    dirty: [],
    nonDifferentiable: [],
    materializeGrads: true,
    needsInputGrad: args.map((v) => isTensor(v) && v.requiresGrad),
    edgeOf,
    outputs: [],
    outputSlots: [],
  };
  setCustomState(node, state);
  const setup = cls.lookup("setup_context");
  const separateSetup = setup instanceof PyStaticMethod && setup.fn !== defaultSetup;
  const tangents = inputTangents(rt, tensorArgs);
  // forward runs with forward AD off (its inputs show no tangent); jvp gives the outputs' tangents
  const output = withForwardGrad(rt, false, () =>
    rt.withGradMode(false, () => {
      if (!separateSetup) return host.call(staticOf(cls, "forward"), { args: [node, ...args], kwargs: a.kwargs });
      const out = host.call(staticOf(cls, "forward"), a);
      host.call(staticOf(cls, "setup_context"), { args: [node, new PyTuple(args), out], kwargs: a.kwargs });
      return out;
    }),
  );

  const isTuple = output instanceof PyTuple;
  const items = isTuple ? output.items.slice() : [output];
  if (!state.dirty.every((t) => items.includes(t)))
    throw runtimeError(
      "Some elements marked as dirty during the forward method were not returned as output. The inputs that are modified inplace must all be outputs of the Function.",
    );
  const executable = rt.gradEnabled && !rt.inferenceMode && tensorArgs.some((t) => t.requiresGrad);
  if (!executable) {
    for (const t of state.dirty) if (t.requiresGrad && t.isLeaf && rt.gradEnabled) throw leafInPlace();
    if (tangents) attachTangents(items, customJvp(rt, cls, node, args, tangents, edgeOf), tensorArgs);
    return output;
  }
  for (const t of state.dirty) if (t.isLeaf && t.requiresGrad) throw leafInPlace();
  for (const t of tensorArgs) node.next.push(gradientEdge(t));
  for (const e of node.next) if (e && e.node.order > node.order) node.order = e.node.order;
  // every tensor output is an output of the node (backward takes a gradient for each); those
  // marked non-differentiable get no grad_fn
  const outputs: Tensor[] = [];
  items.forEach((v, i) => {
    state.outputSlots.push(isTensor(v) ? outputs.length : -1);
    if (!isTensor(v)) return;
    let out = v;
    const isInput = tensorArgs.includes(v);
    if (isInput && state.dirty.includes(v)) {
      // marked dirty: the input itself now comes out of this node
      v.storage.version++;
    } else if (isInput) {
      // an input returned unchanged comes out as a view of it (PyTorch's view_as)
      out = makeView(v, v.shape.slice(), v.strides.slice(), v.offset, "custom_function");
      items[i] = out;
    } else if (v.base) {
      // a view forward made (a.view(-1)): autograd may not rebase it past the custom backward
      v.viewCreation = "custom_function";
    }
    outputs.push(out);
    if (state.nonDifferentiable.includes(v)) return;
    out.gradFn = node;
    out.outputNr = outputs.length - 1;
  });
  state.outputs = outputs;
  node.gradShape = outputs[0]?.shape.slice() ?? [];
  node.gradDType = outputs[0]?.dtype ?? "float32";
  node.outputShapes = outputs.map((o) => o.shape.slice());
  if (state.toSave) {
    state.savedSlots = state.toSave.map((t, i) => {
      if (t === null) return null;
      node.save(`saved_tensors[${i}]`, t, outputs.includes(t));
      return `saved_tensors[${i}]`;
    });
    state.toSave = null;
  }
  if (rt.sink && outputs.length > 0)
    rt.emit({
      kind: "op/applied",
      op: `${cls.name}.apply`,
      inputs: tensorArgs.map((t) => t.id),
      output: outputs[0].info(),
      node: node.info(),
      extraOutputs: outputs.slice(1).map((o) => o.info()),
      span,
    });
  node.packSaved();
  // jvp runs once the outputs are the node's (as PyTorch's apply_jvp does), in the caller's grad mode
  if (tangents) attachTangents(items, customJvp(rt, cls, node, args, tangents, edgeOf), tensorArgs);
  return isTuple ? new PyTuple(items) : items[0];
}

function withForwardGrad<T>(rt: Runtime, on: boolean, fn: () => T): T {
  const before = rt.fwGradEnabled;
  rt.fwGradEnabled = on;
  try {
    return fn();
  } finally {
    rt.fwGradEnabled = before;
  }
}

/** the Function's jvp(ctx, *tangents): a zero tangent for a tensor input without one, None for
 *  anything else; its results are the outputs' tangents */
function customJvp(rt: Runtime, cls: PyClass, ctx: GradNode, args: PyValue[], tangents: (Tensor | null)[], edgeOf: number[]): PyValue[] {
  if (!cls.lookup("jvp")) throw pyErr("NotImplementedError", "You must implement the jvp function for custom autograd.Function to use it with forward mode AD.");
  const jvpArgs = args.map((v, i) => (edgeOf[i] < 0 ? null : (tangents[edgeOf[i]] ?? T.zerosLike(v as Tensor))));
  const result = withForwardGrad(rt, false, () => host.call(staticOf(cls, "jvp"), { args: [ctx, ...jvpArgs], kwargs: EMPTY_KWARGS }));
  return result instanceof PyTuple ? result.items.slice() : [result];
}

function attachTangents(items: PyValue[], tangents: PyValue[], inputs: Tensor[]): void {
  items.forEach((v, i) => {
    const t = tangents[i];
    if (isTensor(v) && isTensor(t)) attachTangent(v, t, "jvp", inputs);
  });
}

const leafInPlace = () => runtimeError("a leaf Variable that requires grad has been used in an in-place operation.");

/** the node's backward: the program's backward(ctx, *grads), its results checked as PyTorch does */
function runBackward(rt: Runtime, cls: PyClass, node: GradNode, grads: (Tensor | null)[]): (Tensor | null)[] {
  const state = customState(node)!;
  // outputs marked non-differentiable take a (zero) gradient argument too, in output order;
  // an output that is not a tensor takes None
  const gradsIn = state.outputSlots.map((i) => {
    if (i < 0) return null;
    const o = state.outputs[i];
    const g = grads[i] ?? null;
    return g === null && state.materializeGrads ? rt.withGradMode(false, () => T.zerosLike(o)) : g;
  });
  const result = host.call(staticOf(cls, "backward"), { args: [node, ...gradsIn], kwargs: new Map() });
  let list = result instanceof PyTuple || result instanceof PyList ? result.items.slice() : [result];
  const expected = state.edgeOf.length;
  if (list.length > expected) {
    // trailing Nones past the inputs are allowed
    if (list.slice(expected).every((v) => v === null)) list = list.slice(0, expected);
  }
  if (list.length !== expected)
    throw runtimeError(`function ${node.name} returned an incorrect number of gradients (expected ${expected}, got ${list.length})`);
  const out: (Tensor | null)[] = node.next.map(() => null);
  list.forEach((g, i) => {
    const k = state.edgeOf[i];
    if (k < 0) {
      if (g !== null)
        throw runtimeError(
          `function ${node.name} returned a gradient different than None at position ${i + 1}, but the corresponding forward input was not a Variable`,
        );
      return;
    }
    if (g !== null && !isTensor(g))
      throw runtimeError(`expected Variable or None (got ${typeName(g)})`);
    out[k] = g as Tensor | null;
  });
  return out;
}
