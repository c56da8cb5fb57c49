// Every mark the graph draws, with the words the legend gives it (GraphLegend.svelte draws each
// mark's sample). A test checks that each mark class the graph uses has an entry here.

export interface LegendItem {
  /** which drawing: the classes GraphNode/GraphEdge/NodePills give that mark */
  mark: string;
  sample: string;
  text: string;
}

export const LEGEND: readonly LegendItem[] = [
  { mark: "op", sample: "MulBackward0", text: "A grad_fn node: the backward of one operation, named as PyTorch names it. Leaves are at the bottom, the output at the top." },
  { mark: "leaf", sample: "", text: "A leaf you made (requires_grad=True) with its AccumulateGrad and its .grad slot." },
  { mark: "names", sample: "f, x.grad", text: "The Python names that refer to the tensor this node made (or to a .grad)." },
  { mark: "shape", sample: "[2, 3]", text: "The shape of the tensor travelling along an edge, from an input up to the op that used it." },
  { mark: "saved", sample: "self", text: "A tensor the node saved for its backward (self, other, result...)." },
  { mark: "saved-freed", sample: "self", text: "Freed saved tensor: a backward without retain_graph=True released it; using it again raises." },
  { mark: "saved-blamed", sample: "other", text: "The saved tensor a failing backward could not use: freed already, or modified in place since it was saved." },
  { mark: "version", sample: "v0→v1", text: "An in-place op bumped the tensor's version counter (x.add_(1), zero_(), -=)." },
  { mark: "order", sample: "MulBackward0", text: "Dashed, with a 2nd/3rd tag: a node recorded by a create_graph=True backward (a derivative you can differentiate again)." },
  { mark: "seed", sample: "seed 1.", text: "Where a backward starts: the gradient of the output with respect to itself (ones, or the gradient you passed)." },
  { mark: "executing", sample: "PowBackward0", text: "The node running now in the backward pass (thick orange); thin orange: it has run." },
  { mark: "grad", sample: "∂ 27.", text: "The gradient a node sends along that edge to its input." },
  { mark: "sum", sample: "Σ 3.+3.=6.", text: "Two paths meet: the gradients arriving at this input are added up." },
  { mark: "acc", sample: "27.+18.=45.", text: "AccumulateGrad writing .grad: before + delta = after; stored (a copy), added in place, or a new tensor." },
  { mark: "result", sample: "⇒ g[0]=27.", text: "torch.autograd.grad's answer: returned to you, .grad left untouched." },
  { mark: "hook", sample: "hook", text: "A backward hook sits here: x.register_hook(fn) on the tensor, or the node's register_prehook/register_hook, or register_post_accumulate_grad_hook. \"fc1 hook\": a torch.nn module's backward hook (register_full_backward_hook, its pre-hook, or the deprecated register_backward_hook on the module's last op). Gone when its handle's remove() runs." },
  { mark: "hook-call", sample: "fn: ∂ 1. → 2.", text: "A hook running: the gradient it was given → what it returned, which flows on instead (\"unchanged\" when it returned None)." },
  { mark: "error", sample: "MulBackward0", text: "The node where an error stopped the backward." },
  { mark: "module", sample: "fc1", text: "A torch.nn module call: the ops it ran, boxed and named as named_modules() names the module (fc1 (Linear)). Click the name to fold them into one node." },
  { mark: "forward", sample: "sin", text: "Forward-mode AD (torch.autograd.forward_ad): inside a dual_level, an op on a dual tensor (make_dual) computes its output's tangent right away, with no backward pass. Dashed violet: such an op, named as you called it, when nothing requires grad (no grad_fn); its tangent formula underneath." },
  { mark: "tangent", sample: "ẏ [1., 0.]", text: "The tangent the op's output carries (ẏ, the directional derivative), from its formula; violet on a grad_fn node too when forward and reverse mode meet. Faded once the dual level ends." },
  { mark: "tangent-edge", sample: "ẋ [1., 0.]", text: "A tensor and its tangent ẋ travelling from an input to the op that uses it (forward mode runs with the forward pass, bottom to top)." },
  { mark: "tangent-formula", sample: "MulBackward0", text: "Dotted violet: a grad_fn node recorded by a step of a tangent formula (forward over reverse: the tangent itself is differentiable)." },
  { mark: "freed", sample: "AddBackward0", text: "Faded: nothing references this graph any more (its last name was rebound or deleted), so Python freed it. Hide freed hides them." },
];
