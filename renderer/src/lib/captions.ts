// What just happened at a step, and why, in plain words: shown above the graph (read by screen
// readers) and written under every export, from the state at that step. Pure.

import { tangentFormula } from "./tangentFormulas.ts";
import { plainValues, type ErrorBlame, type TraceEvent } from "../../../engine/events.ts";
import type { TraceState } from "../../../engine/trace/state.ts";
import { tensorValues } from "../../../engine/trace/values.ts";
import { namesByTensor } from "../graph/graphModel.ts";
import { backwardRule } from "./backwardRules.ts";
import { formatValues } from "./format.ts";
import { describeEvent } from "./eventWords.ts";
import { enteredCaption, hookCaption, insideBackward, savedHookCaption } from "./hookCaptions.ts";

type Names = Map<number, string[]>;

export function stepCaption(state: TraceState): string {
  const e = state.lastEvent;
  if (!e) return "Before the first statement. Step forward (→) to run it, or press Play.";
  return captionOf(e, state, namesByTensor(state));
}

function captionOf(e: TraceEvent, s: TraceState, names: Names): string {
  const val = (id: number | null | undefined): string => {
    if (id == null) return "None";
    const t = s.tensors.get(id);
    return t ? formatValues(tensorValues(s, id), t.dtype) : "?";
  };
  const named = (id: number): string => names.get(id)?.join(" = ") ?? "";
  const nodeLabel = (id: number): string => {
    const n = s.nodes.get(id);
    if (!n) return `node #${id}`;
    const who = n.variable != null ? named(n.variable) : n.outputs.map(named).filter(Boolean).join(", ");
    return who ? `${n.name} (${who})` : n.name;
  };
  switch (e.kind) {
    case "statement":
      return `Line ${e.span.line} starts${insideBackward(s)}: ${flat(e.text)}`;
    case "tensor/created": {
      const t = e.tensor;
      const how = t.requiresGrad && t.isLeaf ? " It requires grad: a leaf, so autograd will record every operation on it." : "";
      return `A new tensor ${val(t.id)} (shape [${t.shape.join(", ")}], ${t.dtype}) is made by ${e.how}.${how}`;
    }
    case "node/created":
      return e.node.name === "AccumulateGrad" && e.node.variable != null
        ? `${named(e.node.variable) || "The leaf"} is used by an op for the first time: its AccumulateGrad node is made, where its gradient will be stored.`
        : `${e.node.name} is added to the graph.`;
    case "op/applied": {
      if (e.tangentFormulaOf != null)
        return `A step of ${e.tangentFormulaOf}'s tangent formula (forward-mode AD): ${e.op} gives ${val(e.output.id)}, part of the tangent that rides along.`;
      if (!e.node) return `${e.op} gives ${val(e.output.id)}. No input requires grad (or grad mode is off), so nothing is recorded for backward.`;
      const saved = e.node.saved.map((sv) => sv.slot);
      const keeps = saved.length ? `, saving ${saved.join(" and ")} for its backward` : "";
      return `${e.op} gives ${val(e.output.id)} and records ${e.node.name} in the graph${keeps}: this is how autograd will find its way back.`;
    }
    case "tensor/mutated": {
      // the name the statement wrote through (x.grad in `x.grad.zero_()`); the others see the change
      const own = names.get(e.tensor) ?? [];
      const text = s.statement?.text ?? "";
      const who = own.find((n) => text.includes(`${n}.${e.op}(`) || new RegExp(`(^|[^\\w.])${n.replace(/[.[\]]/g, "\\$&")}\\s*[-+*/]=`).test(text)) ?? own[0] ?? `tensor #${e.tensor}`;
      const after = val(e.tensor);
      const same = own.filter((n) => n !== who);
      const views = e.aliases.filter((a) => a !== e.tensor && named(a)).map(named);
      const others = [...same, ...views];
      const what = same.length && !views.length ? `${others.length > 1 ? "are" : "is"} the same tensor` : `${others.length > 1 ? "share" : "shares"} that storage`;
      const also = others.length ? ` ${others.join(", ")} ${what}, so ${others.length > 1 ? "they read" : "it reads"} ${after} too.` : "";
      const history = e.node ? ` Its grad_fn is now ${e.node.name}, recorded on top of its history.` : "";
      return `${who}.${e.op}() writes ${after} into storage #${e.storage} in place: version ${e.versionBefore} → ${e.versionAfter}.${also}${history}`;
    }
    case "tensor/flags":
      return e.requiresGrad
        ? `${named(e.tensor) || "The tensor"} now requires grad${e.isLeaf ? ": a leaf autograd will track" : ""}.`
        : `${named(e.tensor) || "The tensor"} no longer requires grad: nothing done with it is recorded.`;
    case "attr/set": {
      const who = named(e.tensor) || s.paramNames.get(e.tensor) || "The tensor";
      if (e.after == null && s.statement?.text.includes("zero_grad"))
        return `zero_grad() sets ${who}.grad to None: without it the next backward would add its gradient to this one; now it stores a fresh one.`;
      return e.after == null ? `${who}.grad = None: the gradient is dropped; the next backward stores a fresh one.` : `${who}.grad is set to ${val(e.after)}.`;
    }
    case "optim/stepped":
      return optimStepCaption(e, s, named, val);
    case "binding/set":
      return bindingCaption(e, names, val);
    case "binding/deleted":
      return `del ${e.name}: the name is gone (the object goes too if nothing else refers to it).`;
    case "frame/exited":
      return `${e.scope} returned: its frame and local names are gone (what they referred to lives on only if something else still refers to it).`;
    case "object/created": {
      const attrs = e.attrs.map((a) => a.name);
      const withAttrs = attrs.length ? `with ${attrs.join(", ")} ` : "";
      if (e.module) return `A ${e.cls} module ${withAttrs}appears in memory: an nn.Module, drawn with its parameters and submodules as its attributes.`;
      return `A ${e.cls} object ${withAttrs}appears in memory: an instance of a class of the program.`;
    }
    case "object/attr":
      return objectAttrCaption(e, s, val);
    case "backward/started":
      return backwardCaption(e, val, nodeLabel, s);
    case "node/executed": {
      const n = s.nodes.get(e.node);
      const rule = backwardRule(e.name);
      const sends = (n?.next ?? [])
        .map((edge, i) => (edge && e.gradsOut[i] != null ? `∂ ${val(e.gradsOut[i])} to ${nodeLabel(edge.node)}` : null))
        .filter(Boolean);
      const gets = e.gradsIn.filter((g) => g != null).map(val).join(", ");
      return `${nodeLabel(e.node)} runs${rule ? ` (${rule})` : ""}: it gets ∂ ${gets || "nothing"}${sends.length ? ` and sends ${sends.join(", ")}` : ""}.`;
    }
    case "node/entered":
      return enteredCaption(e, { val, named, nodeLabel });
    case "hook/registered":
    case "hook/removed":
    case "hook/called":
      return hookCaption(e, s, { val, named, nodeLabel });
    case "saved/hooked":
      return savedHookCaption(e, { val, named, nodeLabel });
    case "grad/summed":
      return `Two paths meet at ${nodeLabel(e.node)}: their gradients are added, ${val(e.before)} + ${val(e.delta)} = ${val(e.after)}.`;
    case "grad/accumulated":
      return accumulationCaption(e, s, names, val);
    case "tangent/set":
      if (e.op === "make_dual")
        return `make_dual pairs ${named(e.inputs?.[0] ?? -1) || "the primal"} with a tangent, ${val(e.tangent)}: ${named(e.tensor) || "the result"} is a dual tensor (forward-mode AD). Every op on it now also computes its output's tangent, the directional derivative along it.`;
      return `Forward-mode AD: ${named(e.tensor) || "the result"} of ${e.op} carries a tangent, ${val(e.tangent)}, computed right after it by ${e.op}'s tangent formula, ${tangentFormula(e.op)} (the directional derivative rides along the forward pass).`;
    case "dual/level":
      return e.entered
        ? "fwAD.dual_level() begins: inside it, make_dual(x, tangent) pairs a tensor with a tangent, and each op on a dual tensor computes its output's tangent too (forward-mode AD), with no backward pass."
        : "The dual level ends: every tangent made under it is dropped; the dual tensors are plain tensors again.";
    case "grad/captured":
      return `autograd.grad takes the gradient for ${named(e.tensor) || "its input"}: ${val(e.grad)}. It is returned to you; ${named(e.tensor) || "the input"}.grad is not touched.`;
    case "saved/freed":
      return `${e.nodes.map(nodeLabel).join(", ")} ran, so ${e.nodes.length > 1 ? "their" : "its"} saved tensors are freed (no retain_graph=True): a second backward through ${e.nodes.length > 1 ? "them" : "it"} would fail.`;
    case "graph/freed": {
      const ops = e.nodes.map((id) => s.nodes.get(id)?.name).filter((n): n is string => n != null && n !== "AccumulateGrad");
      const what = ops.length ? `${ops.slice(0, 4).join(", ")}${ops.length > 4 ? ` and ${ops.length - 4} more` : ""}` : "these tensors";
      return `Nothing refers to ${what} any more (line ${e.line} dropped the last reference), so Python frees ${ops.length === 1 ? "it" : "them"}: the graph fades.`;
    }
    case "backward/finished":
      return finishedCaption(e, s, named, val);
    case "module/entered": {
      const who = e.path ? `${e.path} (${e.module})` : e.module;
      return `${who} is called: its forward runs, and the ops it records are boxed as ${e.path || e.module}.`;
    }
    case "module/exited": {
      const c = s.moduleCalls.get(e.call);
      const who = c ? c.path || c.module : "The module";
      return e.outputs.length ? `${who} returns ${e.outputs.map(val).join(", ")}.` : `${who} returns.`;
    }
    case "params/named":
      return `The model names its parameters: ${e.names.slice(0, 6).map((n) => n.name).join(", ")}${e.names.length > 6 ? ` and ${e.names.length - 6} more` : ""}.`;
    case "output/printed":
      return `print shows: ${flat(e.text)}`;
    case "warning/raised":
      return `${e.category}: ${flat(e.message)}`;
    case "error/raised":
      return errorCaption(e.type, e.message, e.span?.line, e.blame, nodeLabel);
    default:
      // an event kind added since: the export's few words until it gets a caption of its own
      return describeEvent(e as TraceEvent);
  }
}

const UPDATE_RULES: Record<string, string> = {
  SGD: "p -= lr·grad",
  Adam: "p -= lr·m̂ / (√v̂ + eps), m and v running averages of grad and grad²",
  AdamW: "p *= 1 - lr·weight_decay, then Adam's p -= lr·m̂ / (√v̂ + eps)",
  RMSprop: "p -= lr·grad / (√square_avg + eps)",
  Adagrad: "p -= lr·grad / (√sum + eps), sum adding up grad²",
  Adadelta: "p -= lr·delta, delta = √(acc_delta + eps) / √(square_avg + eps)·grad",
};

function optimStepCaption(e: Extract<TraceEvent, { kind: "optim/stepped" }>, s: TraceState, named: (id: number) => string, val: (id: number) => string): string {
  const who = named(e.param) || s.paramNames.get(e.param) || "a parameter";
  const before = formatValues(plainValues(e.storageBefore), s.tensors.get(e.param)?.dtype);
  const momentum = e.optimizer === "SGD" && e.state.some((x) => x.key === "momentum_buffer");
  const rule = momentum ? "buf = momentum·buf + grad; p -= lr·buf" : UPDATE_RULES[e.optimizer] ?? "";
  const kept = e.state.map((x) => `${x.key} = ${val(x.tensor.id)}`).join(", ");
  return `${e.optimizer}.step() updates ${who} in place under no_grad${rule ? ` (${rule}, lr = ${e.lr})` : ""}: ${before} → ${val(e.param)}, version ${e.versionBefore} → ${e.versionAfter}.${kept ? ` The optimizer keeps ${kept}.` : ""}`;
}

function objectAttrCaption(e: Extract<TraceEvent, { kind: "object/attr" }>, s: TraceState, val: (id: number) => string): string {
  const o = s.objects.get(e.object);
  const owner = `the ${o?.cls ?? "Python"} ${o?.module ? "module" : "object"}`;
  if (e.value === null) return `del .${e.name}: the attribute is removed from ${owner}${e.member ? `'s ${e.member}` : ""}.`;
  const v = e.value;
  const what = v.type === "tensor" ? `the tensor ${val(v.id)}` : v.type === "object" ? `a ${v.cls} ${s.objects.get(v.id)?.module ? "module" : "object"}` : flat(v.repr);
  switch (e.member) {
    case "_modules":
      return `.${e.name} of ${owner} is ${what}: nn.Module.__setattr__ registers it in _modules, where .${e.name}, children() and parameters() find it.`;
    case "_parameters":
      return `.${e.name} of ${owner} is ${v.type === "tensor" ? `the parameter ${val(v.id)}` : what}: nn.Module.__setattr__ registers it in _parameters, so parameters() (and an optimizer) see it.`;
    case "_buffers":
      return `.${e.name} of ${owner} is the buffer ${what}: kept in _buffers (saved in the state_dict, not trained).`;
  }
  if (e.inPlace) return `.${e.name} of ${owner} changed in place (the same ${v.type === "value" ? v.pyType : "container"}): it holds ${what}.`;
  return `.${e.name} of ${owner} is set to ${what}.`;
}

function bindingCaption(e: Extract<TraceEvent, { kind: "binding/set" }>, names: Names, val: (id: number) => string): string {
  if (e.inPlace) {
    const what = e.value.type === "value" ? e.value.pyType : e.value.type === "tensors" ? "list" : "container";
    const holds = e.value.type === "value" || e.value.type === "tensors" ? flat(e.value.repr) : "";
    return `${e.name} changed in place (the same ${what}; no new one is made): it holds ${holds}.`;
  }
  if (e.value.type === "value") return `${e.name} = ${flat(e.value.repr)}`;
  if (e.value.type === "tensors") return `${e.name} now refers to ${flat(e.value.repr)}.`;
  if (e.value.type === "object") return `${e.name} now refers to a ${e.value.cls} object.`;
  const others = (names.get(e.value.id) ?? []).filter((n) => n !== e.name);
  if (others.length) return `${e.name} now refers to the same tensor as ${others.join(" and ")} (no copy is made): every change to one is seen through the other.`;
  return `${e.name} now refers to the tensor ${val(e.value.id)}.`;
}

function backwardCaption(
  e: Extract<TraceEvent, { kind: "backward/started" }>,
  val: (id: number) => string,
  nodeLabel: (id: number) => string,
  s: TraceState,
): string {
  const root = s.tensors.get(e.roots[0])?.gradFn;
  const start = root != null ? nodeLabel(root) : "the output";
  const seed = e.implicitSeed ? `the seed ∂out/∂out = ${val(e.seeds[0])}` : `the gradient you passed, ${val(e.seeds[0])},`;
  const mode = e.mode === "grad" ? "autograd.grad starts: the same walk as backward(), but the gradients of the inputs are returned, not written into .grad." : "backward() starts: gradients flow from the output down to the leaves, in PyTorch's order.";
  const extra = [e.createGraph ? "create_graph=True records the backward itself as a new graph." : "", e.retainGraph && !e.createGraph ? "retain_graph=True keeps the saved tensors." : ""].filter(Boolean).join(" ");
  return `${mode} ${seed[0].toUpperCase()}${seed.slice(1)} enters ${start}.${extra ? ` ${extra}` : ""}`;
}

function accumulationCaption(e: Extract<TraceEvent, { kind: "grad/accumulated" }>, s: TraceState, names: Names, val: (id: number) => string): string {
  const leaf = names.get(e.leaf)?.[0] ?? "the leaf";
  const acc = s.backward?.accumulated.get(e.leaf);
  const before = acc?.beforeValues ? formatValues(acc.beforeValues) : "None";
  const sum = `${before} + ${val(e.delta)} = ${val(e.after)}`;
  const aliases = (names.get(e.after) ?? []).filter((n) => n !== `${leaf}.grad`);
  if (e.how === "stored") return `AccumulateGrad stores a copy of the gradient in ${leaf}.grad: ${sum}.`;
  if (e.how === "inplace")
    return `AccumulateGrad adds the gradient into ${leaf}.grad in place: ${sum}.${aliases.length ? ` ${aliases.join(", ")} ${aliases.length > 1 ? "are" : "is"} the same tensor, so ${aliases.length > 1 ? "they read" : "it reads"} ${val(e.after)} too.` : ""}`;
  return `Under create_graph, AccumulateGrad makes ${leaf}.grad a new tensor: ${sum}. Names that held the old .grad keep the old value.`;
}

function finishedCaption(e: Extract<TraceEvent, { kind: "backward/finished" }>, s: TraceState, named: (id: number) => string, val: (id: number) => string): string {
  if (e.results) return `autograd.grad returns (${e.results.map((r) => (r == null ? "None" : val(r))).join(", ")}${e.results.length === 1 ? "," : ""}).`;
  const grads = [...(s.backward?.accumulated.values() ?? [])].map((a) => `${named(a.leaf) || "leaf"}.grad = ${val(a.after)}`);
  return `The backward is done${grads.length ? `: ${grads.join(", ")}` : ""}.`;
}

function errorCaption(type: string, message: string, line: number | undefined, blame: ErrorBlame | undefined, nodeLabel: (id: number) => string): string {
  const at = line != null ? ` (line ${line})` : "";
  if (blame?.saved)
    return blame.saved.reason === "freed"
      ? `${type}${at}: ${nodeLabel(blame.node)} needs its saved tensor '${blame.saved.slot}', but an earlier backward freed it (retain_graph=True would have kept it).`
      : `${type}${at}: ${nodeLabel(blame.node)} saved '${blame.saved.slot}' for its backward, but an in-place op has changed it since (its version moved on), so the gradient would be wrong.`;
  if (blame) return `${type} in ${nodeLabel(blame.node)}'s backward${at}: ${flat(message)}`;
  return `${type}: ${flat(message)}${at}`;
}

/** One line, at most 160 characters. */
function flat(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 160 ? `${one.slice(0, 159)}…` : one;
}

