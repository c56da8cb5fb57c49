// One step's autograd graph as Graphviz DOT, drawn the way torchviz's make_dot draws it: grad_fn
// nodes by class name, AccumulateGrad under each leaf, leaves light blue with their shape, named
// outputs green, saved tensors orange (show_saved), so slides made with either look alike; the
// ops of each torch.nn module call in a dashed cluster named as the app's box ("fc1 (Linear)").

import type { TraceState } from "../../engine/trace/state.ts";
import { buildGraph, namesByTensor, type GraphModel } from "../src/graph/graphModel.ts";
import { moduleGroupsOf, type ModuleGroup } from "../src/graph/moduleGroups.ts";
import { xmlSafe } from "./xml.ts";

/** torchviz's size_to_str: "(2, 3)"; a 0-d tensor is "()". */
export function sizeToStr(shape: readonly number[]): string {
  return `(${shape.join(", ")})`;
}

/** Graphviz refuses a quoted string longer than 16,384 bytes; a label is cut well before. */
export const MAX_LABEL_CHARS = 1000;

/** A DOT double-quoted string: cut to MAX_LABEL_CHARS (ending in …), characters XML cannot carry
 *  replaced (Graphviz writes labels into SVG), backslashes and quotes escaped, newlines as \n. */
export function dotString(text: string): string {
  const chars = [...text];
  const cut = chars.length > MAX_LABEL_CHARS ? chars.slice(0, MAX_LABEL_CHARS - 1).join("") + "…" : text;
  return `"${xmlSafe(cut).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n").replace(/\r/g, "\\n")}"`;
}

export function stepDot(state: TraceState, graphName = "gradlens"): string {
  const model = buildGraph(state);
  const names = namesByTensor(state);
  const nameOf = (tensor: number) => (names.get(tensor) ?? []).join(", ");
  const lines = [
    `digraph ${dotString(graphName)} {`,
    `\tgraph [size="12,12"]`,
    `\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]`,
  ];
  const ids = new Set(model.nodes.map((n) => n.id));
  const fnId = (id: number) => `fn${id < 0 ? `_leaf${-id}` : id}`;
  for (const n of model.nodes) {
    if (n.kind === "leaf") {
      const t = n.tensor == null ? undefined : state.tensors.get(n.tensor);
      const var_ = `var${n.tensor}`;
      const label = `${t ? nameOf(t.id) : ""}\n ${t ? sizeToStr(t.shape) : ""}`;
      lines.push(`\t${var_} [label=${dotString(label)} fillcolor=lightblue]`);
      if (n.name === "AccumulateGrad") {
        lines.push(`\t${fnId(n.id)} [label=${dotString("AccumulateGrad")} fillcolor=lightgrey]`);
        lines.push(`\t${var_} -> ${fnId(n.id)}`);
      }
      continue;
    }
    lines.push(`\t${fnId(n.id)} [label=${dotString(n.name)} fillcolor=lightgrey]`);
    const node = state.nodes.get(n.id);
    for (const sv of node?.saved ?? []) {
      if (sv.freed) continue;
      const t = state.tensors.get(sv.tensor);
      const id = `saved${n.id}_${sv.slot}`;
      lines.push(`\t${id} [label=${dotString(`${sv.slot}\n ${t ? sizeToStr(t.shape) : ""}`)} fillcolor=orange]`);
      lines.push(`\t${id} -> ${fnId(n.id)} [dir=none]`);
    }
  }
  for (const e of model.edges) if (ids.has(e.source) && ids.has(e.target)) lines.push(`\t${fnId(e.source)} -> ${fnId(e.target)}`);
  lines.push(...moduleClusters(state, model, fnId));
  // outputs: named tensors whose grad_fn is drawn, as torchviz draws the tensors it was given
  for (const n of model.nodes) {
    // n.names are the tensors whose grad_fn the node is now: after x.grad.zero_() only
    // ZeroBackward0 leads to x.grad, as in PyTorch's graph (torchviz draws the same)
    if (n.kind !== "op" || n.tensor == null) continue;
    const label = n.names.join(", ");
    const t = state.tensors.get(n.tensor);
    if (!label || !t) continue;
    lines.push(`\tout${t.id} [label=${dotString(`${label}\n ${sizeToStr(t.shape)}`)} fillcolor=darkolivegreen1]`);
    lines.push(`\t${fnId(n.id)} -> out${t.id}`);
  }
  lines.push("}", "");
  return lines.join("\n");
}

/** torch.nn module calls as Graphviz clusters, nested as the calls were, each around the ops its
 *  call ran and named as the app names its box ("fc1 (Linear)"), dashed in the app's colours. */
function moduleClusters(state: TraceState, model: GraphModel, fnId: (id: number) => string): string[] {
  const groups = moduleGroupsOf(state, model);
  if (groups.length === 0) return [];
  const byCall = new Map(groups.map((g) => [g.call, g]));
  const parentOf = (g: ModuleGroup): ModuleGroup | null => {
    for (let c = state.moduleCalls.get(g.call)?.parent ?? null; c != null; c = state.moduleCalls.get(c)?.parent ?? null) {
      const p = byCall.get(c);
      if (p) return p;
    }
    return null;
  };
  const children = new Map<ModuleGroup | null, ModuleGroup[]>();
  for (const g of groups) {
    const p = parentOf(g);
    children.set(p, [...(children.get(p) ?? []), g]);
  }
  const out: string[] = [];
  const emit = (g: ModuleGroup, depth: number): void => {
    const pad = "\t".repeat(depth);
    const inner = children.get(g) ?? [];
    const nested = new Set(inner.flatMap((c) => c.members));
    out.push(`${pad}subgraph cluster_module${g.call} {`);
    out.push(`${pad}\tlabel=${dotString(g.label)} labeljust=l style="dashed,rounded" color="#56b4e9" fontcolor="#1f6f99" fontname=monospace fontsize=10`);
    for (const id of g.members) if (!nested.has(id)) out.push(`${pad}\t${fnId(id)}`);
    for (const c of inner) emit(c, depth + 1);
    out.push(`${pad}}`);
  };
  for (const g of children.get(null) ?? []) emit(g, 1);
  return out;
}
