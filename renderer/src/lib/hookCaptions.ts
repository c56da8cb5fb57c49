// Captions for backward hooks (registered, called, removed) and for a custom Function's backward
// starting: which hook, on what, the gradient it was given and what flows on. Pure.

import type { TraceEvent } from "../../../engine/events.ts";
import type { HookState, TraceState } from "../../../engine/trace/state.ts";
import { moduleHookCall, moduleHookWhen } from "./moduleHooks.ts";

export interface CaptionWords {
  /** a tensor's values as text ("None" for null) */
  val: (id: number | null | undefined) => string;
  /** the names bound to a tensor, joined ("" when none) */
  named: (id: number) => string;
  /** a node's name with the names of what it made: "ExpBackward (y)" */
  nodeLabel: (id: number) => string;
}

/** How the hook was registered, as the program wrote it: "y.register_hook(double)". */
/** the tensor's first name (the hook's own parameter may name it too while it runs) */
const nameOf = (w: CaptionWords, id: number | null, none: string): string => (id != null ? w.named(id).split(" = ")[0] || none : none);

export function hookCall(h: Pick<HookState, "where" | "name" | "node" | "tensor" | "module">, s: TraceState, w: CaptionWords): string {
  if (h.module) return moduleHookCall(h.module);
  const tensor = nameOf(w, h.tensor, "the tensor");
  const node = h.node != null ? s.nodes.get(h.node)?.name ?? "the node" : "";
  switch (h.where) {
    case "tensor":
      return `${tensor}.register_hook(${h.name})`;
    case "post-accumulate":
      return `${tensor}.register_post_accumulate_grad_hook(${h.name})`;
    case "pre":
      return `${node}.register_prehook(${h.name})`;
    case "post":
      return `${node}.register_hook(${h.name})`;
  }
}

/** When the hook runs, in words for a learner. */
function whenItRuns(h: Pick<HookState, "where" | "node" | "tensor" | "module">, s: TraceState, w: CaptionWords): string {
  const tensor = nameOf(w, h.tensor, "the tensor");
  const node = h.node != null ? w.nodeLabel(h.node) : "the node";
  if (h.module) return moduleHookWhen(h.module, node);
  switch (h.where) {
    case "tensor":
      return `when backward reaches ${tensor}, it is called with ${tensor}'s gradient and may return a new one, which flows on instead`;
    case "post-accumulate":
      return `it is called with ${tensor} after backward has written ${tensor}.grad`;
    case "pre":
      return `it is called with the gradients ${node} gets, before it runs, and may replace them`;
    case "post":
      return `it is called after ${node} runs, with the gradients it computed for its inputs (and those it got), and may replace what it sends`;
  }
}

export function hookCaption(e: Extract<TraceEvent, { kind: `hook/${string}` }>, s: TraceState, w: CaptionWords): string {
  const h = s.hooks.get(e.hook);
  if (!h) return e.kind === "hook/removed" ? "A hook is removed." : "A hook runs.";
  const how = hookCall(h, s, w);
  const on = h.node != null && (h.module || (h.where !== "pre" && h.where !== "post")) ? ` (marked on ${w.nodeLabel(h.node)})` : "";
  if (e.kind === "hook/registered") return `${how}: a hook now sits here${on}; ${whenItRuns(h, s, w)}.`;
  if (e.kind === "hook/removed") return `The handle's remove() takes ${how} away: later backwards will not call it.`;
  const before = e.before.map(w.val);
  const after = e.after.map(w.val);
  const list = (xs: string[]) => (xs.length === 1 ? xs[0] : `(${xs.join(", ")})`);
  if (h.where === "post-accumulate") return `The hook ${how} runs: ${nameOf(w, h.tensor, "the leaf")}.grad is ${list(after)} now.`;
  const replaced = e.before.some((id, i) => id !== e.after[i]);
  const what = h.where === "post" ? "the gradients it sends" : h.where === "pre" ? "the gradients it gets" : "the gradient";
  const tail = replaced ? `it returns ${list(after)}, which replaces ${what} and flows on` : `it returns None, so ${list(before)} flows on unchanged`;
  return `The hook ${how} runs on ∂ ${list(before)}: ${tail}.`;
}

export function enteredCaption(e: Extract<TraceEvent, { kind: "node/entered" }>, w: CaptionWords): string {
  const gets = e.gradsIn.filter((g) => g != null).map(w.val).join(", ");
  return `${w.nodeLabel(e.node)} runs your backward(ctx, ...) with ∂ ${gets || "nothing"}: step through its lines; the node stays lit until it returns the gradients of its inputs.`;
}

/** " (inside ExpBackward's backward)" while a custom backward's own lines run, else "". */
export function insideBackward(s: TraceState): string {
  const b = s.backward;
  if (!b || b.finished || b.executing == null || b.executed.has(b.executing)) return "";
  const n = s.nodes.get(b.executing);
  return n ? ` (inside ${n.name}'s backward, which is running)` : "";
}

export function savedHookCaption(e: Extract<TraceEvent, { kind: "saved/hooked" }>, w: CaptionWords): string {
  const who = nameOf(w, e.tensor, "a tensor");
  // an output saved (exp's result) is not bound to a name yet when it is packed
  const what = e.slot === "result" ? "its result" : `${who} as '${e.slot}'`;
  if (e.call === "pack")
    return `saved_tensors_hooks: ${e.nodeName} saves ${what}, so the pack hook ${e.hook} runs on it; the node keeps what it returns instead of the tensor.`;
  return `${e.nodeName} needs its saved '${e.slot}' back: the unpack hook ${e.hook} runs on what pack returned and hands back a tensor (no version check: the node only has what pack kept).`;
}
