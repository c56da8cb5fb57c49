// A few words for what an event did: the fallback caption of an event kind, and the export's
// caption before the first statement.

import type { TraceEvent } from "../../../engine/events.ts";

/** A few words for what the event at this step did. */
export function describeEvent(e: TraceEvent | null): string {
  if (!e) return "before the first statement";
  switch (e.kind) {
    case "statement":
      return "statement starts";
    case "tensor/created":
      return `tensor created (${e.how})`;
    case "node/created":
      return `${e.node.name} created`;
    case "op/applied":
      return e.node ? `${e.op} → ${e.node.name}` : `${e.op}`;
    case "tensor/mutated":
      return `in-place ${e.op}: v${e.versionBefore}→v${e.versionAfter}`;
    case "tensor/flags":
      return "tensor flags set";
    case "attr/set":
      return `.grad ${e.after == null ? "= None" : "set"}`;
    case "binding/set":
      return e.inPlace ? `${e.name} changed in place` : `${e.name} bound`;
    case "binding/deleted":
      return `del ${e.name}`;
    case "frame/exited":
      return `${e.scope} returned`;
    case "object/created":
      return `${e.cls} object`;
    case "object/attr":
      return e.value === null ? `del .${e.name}` : `.${e.name} set`;
    case "backward/started":
      return e.mode === "grad" ? "autograd.grad starts" : "backward starts";
    case "node/entered":
      return `${e.name}'s backward (your code) starts`;
    case "node/executed":
      return `${e.name} runs`;
    case "grad/summed":
      return "gradients summed";
    case "grad/accumulated":
      return `.grad ${e.how === "inplace" ? "added in place" : e.how === "replaced" ? "replaced" : "stored"}`;
    case "grad/captured":
      return "gradient captured";
    case "tangent/set":
      return `tangent rides along ${e.op}`;
    case "dual/level":
      return e.entered ? "dual level entered" : "dual level exited";
    case "saved/freed":
      return "saved tensors freed";
    case "backward/finished":
      return "backward finished";
    case "graph/freed":
      return "graph freed";
    case "module/entered":
      return `${e.path || e.module} called`;
    case "module/exited":
      return "module returned";
    case "params/named":
      return "parameters named";
    case "optim/stepped":
      return `${e.optimizer} step: in place, v${e.versionBefore}→v${e.versionAfter}`;
    case "hook/registered":
      return `hook ${e.name} registered`;
    case "hook/removed":
      return "hook removed";
    case "hook/called":
      return `hook ${e.name} runs`;
    case "saved/hooked":
      return `${e.call} hook ${e.hook} runs`;
    case "output/printed":
      return "output printed";
    case "warning/raised":
      return `${e.category}`;
    case "error/raised":
      return `${e.type}: ${e.message}`;
  }
}

