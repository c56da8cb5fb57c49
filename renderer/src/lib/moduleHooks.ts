// Words for a node hook torch.nn put on the graph for a module's backward hooks: which module
// (its name in the model, or its class), how the program registered them, when they run. Pure.

import type { ModuleHookInfo } from "../../../engine/events.ts";

/** the module as the program names it: "conv2", "net.0"; its class for the outermost module or one outside it */
export function moduleOwner(m: ModuleHookInfo): string {
  return m.path ? m.path : m.module;
}

/** How the program registered the module's hooks: "conv2.register_backward_hook(printgradnorm)". */
export function moduleHookCall(m: ModuleHookInfo): string {
  return `${moduleOwner(m)}.${m.method}(${m.hooks.join(", ") || "..."})`;
}

/** The pill's name for the call while it runs: "printgradnorm (conv2)". */
export function moduleHookPill(m: ModuleHookInfo): string {
  return `${m.hooks.join(", ") || "hook"} (${moduleOwner(m)})`;
}

/** The badge's text on the node: "conv2 hook". */
export function moduleHookBadge(m: ModuleHookInfo): string {
  return `${moduleOwner(m)} hook`;
}

/** When the module's hooks run, in words for a learner (`node`: the node they sit on). */
export function moduleHookWhen(m: ModuleHookInfo, node: string): string {
  const who = moduleOwner(m);
  const cls = m.path ? ` (${m.module})` : "";
  switch (m.method) {
    case "register_full_backward_pre_hook":
      return `it is called with the gradients of ${who}${cls}'s outputs when backward reaches ${who}, before its ops' backward runs, and may replace them`;
    case "register_full_backward_hook":
      return `it is called once backward has gone through ${who}${cls}, with the gradients of its inputs and of its outputs, and may replace the inputs' ones`;
    case "register_backward_hook":
      return (
        `the deprecated hook sits on ${node}, the last op ${who}${cls} ran: it is called with that one op's input gradients, ` +
        `not necessarily ${who}'s inputs' (use register_full_backward_hook for those)`
      );
  }
}
