// Backward hooks as PyTorch runs them: a tensor's hooks (register_hook) on the gradient flowing
// into its node's output before anything else; then the node's pre-hooks (on its incoming
// gradients), the node itself, its post-hooks (on what it computed); a leaf's post-accumulate
// hooks after its .grad changed. Each hook may replace the gradients it was given; each call
// is narrated (hook/called) with the gradients before and after.
import type { ModuleHookInfo } from "../events.ts";
import { runtimeError } from "../errors.ts";
import type { Runtime } from "../runtime.ts";
import type { Tensor } from "../tensor.ts";
import type { GradNode } from "./node.ts";

export type HookWhere = "tensor" | "pre" | "post" | "post-accumulate";

export interface Hook<F> {
  id: number;
  /** the hook function's __name__ (`<lambda>`), for errors and the view */
  name: string;
  fn: F;
}

export type TensorHook = (g: Tensor) => Tensor | null;
export type PreHook = (gradOutputs: (Tensor | null)[]) => (Tensor | null)[] | null;
export type PostHook = (gradInputs: (Tensor | null)[], gradOutputs: (Tensor | null)[]) => (Tensor | null)[] | null;
export type AccumulatedHook = (leaf: Tensor) => void;

export class NodeHooks {
  /** by output number: register_hook of the tensor that is that output (or the leaf) */
  tensor = new Map<number, Hook<TensorHook>[]>();
  pre: Hook<PreHook>[] = [];
  post: Hook<PostHook>[] = [];
}

let nextHook = 1;

function register<F>(
  rt: Runtime,
  list: Hook<F>[],
  fn: F,
  name: string,
  where: HookWhere,
  node: GradNode | null,
  tensor: Tensor | null,
  module?: ModuleHookInfo,
): () => void {
  const hook: Hook<F> = { id: nextHook++, name, fn };
  list.push(hook);
  if (rt.sink)
    rt.emit({ kind: "hook/registered", hook: hook.id, where, name, node: node?.id ?? null, tensor: tensor?.id ?? null, ...(module ? { module } : {}) });
  return () => {
    const i = list.indexOf(hook);
    if (i < 0) return;
    list.splice(i, 1);
    rt.emit({ kind: "hook/removed", hook: hook.id });
  };
}

export function addTensorHook(node: GradNode, outputNr: number, tensor: Tensor, fn: TensorHook, name: string): () => void {
  const hooks = (node.hooks ??= new NodeHooks());
  let list = hooks.tensor.get(outputNr);
  if (!list) hooks.tensor.set(outputNr, (list = []));
  return register(node.rt, list, fn, name, "tensor", node, tensor);
}

/** a node's pre-hook or hook; `module` when torch.nn registers it for a module's backward hooks */
export function addNodeHook(node: GradNode, pre: boolean, fn: PreHook | PostHook, name: string, module?: ModuleHookInfo): () => void {
  const hooks = (node.hooks ??= new NodeHooks());
  return pre
    ? register(node.rt, hooks.pre, fn as PreHook, name, "pre", node, null, module)
    : register(node.rt, hooks.post, fn as PostHook, name, "post", node, null, module);
}

export function addAccumulatedHook(leaf: Tensor, fn: AccumulatedHook, name: string): () => void {
  return register(leaf.rt, (leaf.postAccumulateHooks ??= []), fn, name, "post-accumulate", null, leaf);
}

const ids = (ts: readonly (Tensor | null)[]) => ts.map((t) => t?.id ?? null);

function called(rt: Runtime, backward: number, hook: Hook<unknown>, where: HookWhere, node: GradNode, before: (Tensor | null)[], after: (Tensor | null)[]): void {
  if (rt.sink) rt.emit({ kind: "hook/called", backward, hook: hook.id, where, name: hook.name, node: node.id, before: ids(before), after: ids(after) });
}

function checkSame(hook: Hook<unknown>, before: Tensor, after: Tensor): void {
  if (after.dtype !== before.dtype) throw runtimeError(`hook '${hook.name}' has changed the type of value (was ${before.dtype} got ${after.dtype})`);
  if (after.shape.join() !== before.shape.join()) throw runtimeError(`hook '${hook.name}' has changed the size of value`);
}

/** the tensors' hooks, in place on the node's incoming gradients */
export function runTensorHooks(node: GradNode, grads: (Tensor | null)[], backward: number): void {
  for (const [nr, list] of node.hooks!.tensor) {
    for (const hook of list.slice()) {
      const g = grads[nr] ?? null;
      if (g === null) continue;
      const r = hook.fn(g);
      if (r !== null) {
        checkSame(hook, g, r);
        grads[nr] = r;
      }
      called(node.rt, backward, hook, "tensor", node, [g], [grads[nr]]);
    }
  }
}

export function runPreHooks(node: GradNode, grads: (Tensor | null)[], backward: number): (Tensor | null)[] {
  let cur = grads;
  for (const hook of node.hooks!.pre.slice()) {
    const r = hook.fn(cur.slice());
    const before = cur;
    if (r !== null) cur = checkCount(hook, cur, r);
    called(node.rt, backward, hook, "pre", node, before, cur);
  }
  return cur;
}

export function runPostHooks(node: GradNode, gradsIn: (Tensor | null)[], gradsOut: (Tensor | null)[], backward: number): (Tensor | null)[] {
  let cur = gradsOut;
  for (const hook of node.hooks!.post.slice()) {
    const r = hook.fn(cur.slice(), gradsIn.slice());
    const before = cur;
    if (r !== null) cur = checkCount(hook, cur, r);
    called(node.rt, backward, hook, "post", node, before, cur);
  }
  return cur;
}

export function runAccumulatedHooks(node: GradNode, leaf: Tensor, backward: number): void {
  for (const hook of (leaf.postAccumulateHooks ?? []).slice()) {
    hook.fn(leaf);
    called(node.rt, backward, hook, "post-accumulate", node, [leaf.grad], [leaf.grad]);
  }
}

function checkCount(hook: Hook<unknown>, before: (Tensor | null)[], after: (Tensor | null)[]): (Tensor | null)[] {
  if (after.length !== before.length)
    throw runtimeError(`hook '${hook.name}' has returned an incorrect number of values (got ${after.length}, but expected ${before.length})`);
  after.forEach((t, i) => {
    const b = before[i];
    if (t && b) checkSame(hook, b, t);
  });
  return after;
}
