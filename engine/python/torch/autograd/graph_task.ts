// What torch.autograd.graph (graph_source.ts) asks of the engine, as torch._C's functions:
// the running backward's id, whether it will run a node (register_multi_grad_hook counts the
// gradients to wait for with it), increment_version's bump; and gradient edges
// (GradientEdge(node, output_nr)) accepted where autograd.grad and backward take inputs.
import type { Edge } from "../../../autograd/node.ts";
import { GradNode } from "../../../autograd/node.ts";
import type { GradInput } from "../../../autograd/engine.ts";
import type { Runtime } from "../../../runtime.ts";
import type { Tensor } from "../../../tensor.ts";
import { bindArgs } from "../../args.ts";
import { iterate } from "../../ops.ts";
import { type CallArgs, PyBuiltin, PyList, PyTuple, type PyValue, pyErr, typeName } from "../../values.ts";
import { isTensor, toInteger } from "../convert.ts";
import { accumulatorOf } from "../../../autograd/record.ts";

/** torch._C._current_graph_task_id, _will_engine_execute_node, _increment_version */
export function graphTaskFunctions(rt: Runtime): [string, PyBuiltin][] {
  const fns: [string, PyBuiltin][] = [];
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void fns.push([name, new PyBuiltin(name, f)]);
  fn("_current_graph_task_id", (a) => (bindArgs("_current_graph_task_id", a, []), BigInt(rt.graphTask?.id ?? -1)));
  fn("_will_engine_execute_node", (a) => {
    const [node] = bindArgs("_will_engine_execute_node", a, [{ name: "node" }]).values as PyValue[];
    const task = rt.graphTask;
    if (!task) throw pyErr("RuntimeError", "_get_should_execute_nodes should only be called during the backward pass");
    if (!(node instanceof GradNode)) throw pyErr("TypeError", `_will_engine_execute_node expects an grad_fn or an AccumulateGrad node, but got ${typeName(node)}`);
    if (!task.inGraph.has(node)) return false;
    if (task.executes === null) return true;
    if (!task.executes(node)) return false;
    if (node.variable && task.captures(node))
      throw pyErr(
        "RuntimeError",
        "A leaf node was passed to _will_engine_execute_node but we are currently running autograd.grad(). This is currently not supported.",
      );
    return true;
  });
  // a leaf's AccumulateGrad (made now if no backward made it yet), as t.view_as(t) reaches it
  fn("_grad_accumulator", (a) => {
    const [t] = bindArgs("_grad_accumulator", a, [{ name: "tensor" }]).values as PyValue[];
    return isTensor(t) && t.requiresGrad && t.isLeaf ? accumulatorOf(t) : null;
  });
  fn("_increment_version", (a) => {
    const [tensors] = bindArgs("_increment_version", a, [{ name: "tensors" }]).values as PyValue[];
    for (const t of iterate(tensors)) {
      if (!isTensor(t)) throw pyErr("TypeError", `increment_version expects tensors, got ${typeName(t)}`);
      bumpVersion(rt, t);
    }
    return null;
  });
  return fns;
}

/** the version counter goes up as an in-place op's would, values unchanged */
function bumpVersion(rt: Runtime, t: Tensor): void {
  // an inference tensor has no version counter to bump
  if (t.storage.inference) return;
  if (t.dataVersion) {
    t.dataVersion.value++;
    return;
  }
  t.storage.version++;
  if (rt.sink) {
    const values = t.storage.data.slice();
    rt.emit({
      kind: "tensor/mutated",
      tensor: t.id,
      storage: t.storage.id,
      op: "increment_version",
      versionBefore: t.storage.version - 1,
      versionAfter: t.storage.version,
      storageBefore: values,
      storageAfter: values,
      aliases: t.storage.viewers.slice(),
      gradFnBefore: t.rawGradFn ? t.rawGradFn.id : null,
      node: null,
      requiresGradAfter: t.requiresGrad,
      span: rt.span,
    });
  }
}

/** a torch.autograd.graph.GradientEdge as the engine's edge, or null for anything else */
function asEdge(v: PyValue): Edge | null {
  // a namedtuple: a tuple whose class is GradientEdge
  if (!(v instanceof PyTuple) || v.sub?.name !== "GradientEdge" || v.items.length !== 2) return null;
  const [node, nr] = v.items;
  if (!(node instanceof GradNode)) return null;
  return { node, inputNr: Number(toInteger(nr, "output_nr")) };
}

/** autograd.grad's and backward's inputs: a tensor, an edge, or a sequence of them */
export function gradInputs(v: PyValue, what: string): GradInput[] {
  const one = (x: PyValue): GradInput | null => (isTensor(x) ? x : asEdge(x));
  const single = one(v);
  if (single) return [single];
  if (v instanceof PyTuple || v instanceof PyList)
    return v.items.map((x, i) => {
      const r = one(x);
      if (!r) throw pyErr("TypeError", `${what}: expected Tensor or GradientEdge at index ${i}, got ${typeName(x)}`);
      return r;
    });
  throw pyErr("TypeError", `${what} must be a Tensor or a sequence of Tensors, not ${typeName(v)}`);
}
