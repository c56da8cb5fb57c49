// @once_differentiable on a custom backward: it runs with grad mode off; when a gradient it
// was given requires grad (create_graph), its results come out of a DelayedError node, so a
// second differentiation raises PyTorch's error instead of a silently wrong result (the node
// prints as Error, as DelayedError's node does).
import { GradNode } from "../../../autograd/node.ts";
import { gradientEdge } from "../../../autograd/record.ts";
import { runtimeError } from "../../../errors.ts";
import type { Runtime } from "../../../runtime.ts";
import { makeView, type Tensor } from "../../../tensor.ts";
import { host } from "../../host.ts";
import { PyBuiltin, PyList, PyTuple, type PyValue } from "../../values.ts";
import { isTensor } from "../convert.ts";

export function onceDifferentiable(rt: Runtime, fn: PyValue): PyBuiltin {
  return new PyBuiltin("wrapper", (a) => {
    const result = rt.withGradMode(false, () => host.call(fn, a));
    const needing = a.args.filter((v): v is Tensor => isTensor(v) && v.requiresGrad);
    if (!rt.gradEnabled || needing.length === 0) return result;
    const isSeq = result instanceof PyTuple || result instanceof PyList;
    const items = isSeq ? result.items : [result];
    const node = new GradNode(rt, "Error", needing.map((t) => gradientEdge(t)), () => {
      throw runtimeError("trying to differentiate twice a function that was marked with @once_differentiable");
    });
    const wrapped = items.map((v, i) => {
      if (!isTensor(v)) return v;
      const out = makeView(v, v.shape.slice(), v.strides.slice(), v.offset);
      out.gradFn = node;
      out.outputNr = i;
      return out;
    });
    node.gradShape = (wrapped.find(isTensor) as Tensor | undefined)?.shape.slice() ?? [];
    node.outputShapes = wrapped.map((v) => (isTensor(v) ? v.shape.slice() : []));
    if (rt.sink) {
      const outs = wrapped.filter(isTensor);
      if (outs.length > 0)
        rt.emit({
          kind: "op/applied",
          op: "once_differentiable",
          inputs: needing.map((t) => t.id),
          output: outs[0].info(),
          node: node.info(),
          extraOutputs: outs.slice(1).map((o) => o.info()),
          span: rt.span,
        });
    }
    return isSeq ? new PyTuple(wrapped) : wrapped[0];
  });
}
