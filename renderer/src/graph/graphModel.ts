// What the graph view draws at one step, as plain data: grad_fn nodes, leaves with their .grad
// slots, edges with shapes and gradients in flight. Pure, so the screen and exports agree.

import type { GradSum, NodeState, StorageState, TensorState, TraceState } from "../../../engine/trace/state.ts";
import { edgeKey } from "../../../engine/trace/state.ts";
import { tensorValues } from "../../../engine/trace/values.ts";
import { formatValues } from "../lib/format.ts";

export type NodeStatus = "idle" | "executing" | "executed";

export interface AccumulationView {
  before: string | null;
  delta: string;
  after: string;
  how: "stored" | "inplace" | "replaced";
  /** true when it happened at this very step (animate it) */
  now: boolean;
}

export interface GraphNodeView {
  /** a grad_fn node's id; a leaf (AccumulateGrad or a leaf not yet used) is minus its tensor id */
  id: number;
  kind: "op" | "leaf";
  name: string;
  /** Python names bound to the tensor this node stands for ("x", "x.grad", "f_prime") */
  names: string[];
  order: number;
  shape: number[] | null;
  /** blamed: this saved tensor is why the backward failed (freed, or modified in place since it was saved) */
  saved: { slot: string; freed: boolean; blamed: "freed" | "modified" | null }[];
  bornAt: number;
  status: NodeStatus;
  /** "v0→v1" on the step an in-place op bumps the version, "v1" afterwards */
  version: string | null;
  versionNow: boolean;
  /** leaves: the .grad slot */
  grad: string | null;
  accumulation: AccumulationView | null;
  /** autograd.grad's answer for the input this node stands for: it leaves the graph here as the
   *  call's result (names: what the returned tensor is bound to once the call returns) */
  result: { value: string; names: string[]; now: boolean } | null;
  /** summed contributions at this node's input during the current backward */
  sum: { before: string; delta: string; after: string; now: boolean } | null;
  seed: string | null;
  error: boolean;
  /** tensor id for the inspector */
  tensor: number | null;
  width: number;
  height: number;
  /** a collapsed group (collapseView.ts): how many nodes it stands for */
  group?: number;
}

export interface GraphEdgeView {
  /** from input (lower) to consumer (upper), as the layout wants */
  source: number;
  target: number;
  shape: number[] | null;
  /** gradient sent along this edge in the current backward */
  grad: string | null;
  gradNow: boolean;
}

export interface GraphModel {
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
}

export const NODE_HEIGHT = 38;
export const LEAF_HEIGHT = 58;
/** saved-tensor badges sit in a row inside the bottom of their node */
export const SAVED_ROW = 17;
export const savedBadgeWidth = (slot: string): number => slot.length * 6.2 + 10;

/** The id a graph node gets: AccumulateGrad shares its leaf's id so the leaf never jumps. */
export function graphIdOf(node: NodeState): number {
  return node.name === "AccumulateGrad" && node.variable != null ? -node.variable : node.id;
}

/** The graph at one step, from scratch. */
export function buildGraph(state: TraceState): GraphModel {
  return createGraphBuilder()(state);
}

/** A node or edge view with what it was made from: reused while every one of those is identical (===). */
interface Made<T> {
  deps: unknown[];
  view: T;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * buildGraph with a memory: each node and edge view is made again only when something it is made
 * from changed (the fold replaces a node, tensor or storage entry when it changes, so identity says
 * "unchanged"), and an unchanged step hands back the previous model itself. Stepping through a big
 * graph then costs a walk over its nodes, not a rebuild; the result always equals buildGraph's.
 */
export function createGraphBuilder(): (state: TraceState) => GraphModel {
  let madeNodes = new Map<number, Made<GraphNodeView>>();
  let madeEdges = new Map<string, Made<GraphEdgeView>>();
  // a tensor's value text, kept while its entry and its storage's entry are the same objects
  let texts = new Map<number, { t: TensorState; s: StorageState | undefined; text: string }>();
  let last: GraphModel | null = null;

  return (state) => {
    const names = namesByTensor(state);
    const b = state.backward;
    const last_ = state.lastEvent;
    const nodes: GraphNodeView[] = [];
    const edges: GraphEdgeView[] = [];
    const nextNodes = new Map<number, Made<GraphNodeView>>();
    const nextEdges = new Map<string, Made<GraphEdgeView>>();
    const nextTexts: typeof texts = new Map();
    const seen = new Set<number>();
    const valuesOf = (id: number | null | undefined): string | null => {
      if (id == null) return null;
      const t = state.tensors.get(id);
      if (!t) return null;
      const s = state.storages.get(t.storage);
      const have = nextTexts.get(id) ?? texts.get(id);
      const text = have && have.t === t && have.s === s ? have.text : formatValues(tensorValues(state, id), t.dtype);
      nextTexts.set(id, have && have.t === t && have.s === s ? have : { t, s, text });
      return text;
    };
    /** the view made last time from `deps`, or a new one */
    const node = (gid: number, deps: unknown[], make: () => GraphNodeView): GraphNodeView => {
      const old = madeNodes.get(gid);
      const made = old && sameDeps(old.deps, deps) ? old : { deps, view: finish(make()) };
      nextNodes.set(gid, made);
      return made.view;
    };
    const executed = new Set(b?.executed ?? []);
    const sumsByNode = new Map<number, GradSum>();
    for (const sum of b?.sums.values() ?? []) {
      const have = sumsByNode.get(sum.node);
      if (!have || sum.step > have.step) sumsByNode.set(sum.node, sum);
    }
    const rootNodes = new Set((b?.roots ?? []).map((r) => state.tensors.get(r)?.gradFn));
    const results = capturedAt(state);
    const resultOf = (gid: number): GraphNodeView["result"] => {
      const c = results.get(gid);
      if (!c) return null;
      const now = last_?.kind === "grad/captured" && last_.grad === c.grad;
      return { value: valuesOf(c.grad) ?? "?", names: names.get(c.grad) ?? NO_NAMES, now };
    };
    const statusOf = (nodeId: number): NodeStatus => (b?.executing === nodeId ? "executing" : executed.has(nodeId) ? "executed" : "idle");
    // the engine names the node whose backward failed (and the saved tensor it could not use)
    const blame = state.error?.blame ?? null;
    const errorNode = blame?.node ?? null;
    const outputOf = (n: NodeState, nr: number): TensorState | undefined =>
      n.outputs.map((id) => state.tensors.get(id)).find((t) => t?.outputNr === nr) ?? state.tensors.get(n.outputs[0]);

    const leafNode = (t: TensorState, born: number, nodeId: number | null): GraphNodeView => {
      const acc = b?.accumulated.get(t.id);
      const tNames = names.get(t.id) ?? [];
      const status = nodeId != null ? statusOf(nodeId) : "idle";
      const grad = t.grad == null ? "None" : valuesOf(t.grad);
      const delta = acc ? (valuesOf(acc.delta) ?? "?") : null;
      const version = versionOf(t, last_);
      const result = resultOf(-t.id);
      const deps = [t, born, nodeId, tNames.join("\u0000"), status, grad, acc, delta, acc?.step === state.step, version.version, version.versionNow, result?.value, result?.names.join("\u0000"), result?.now];
      return node(-t.id, deps, () => ({
        ...base(-t.id, "leaf", nodeId == null ? "leaf" : "AccumulateGrad", tNames, 0, born),
        shape: t.shape,
        status,
        grad,
        accumulation: acc
          ? {
              before: acc.beforeValues && formatValues(acc.beforeValues, t.dtype),
              delta: delta ?? "?",
              after: formatValues(acc.afterValues, t.dtype),
              how: acc.how,
              now: acc.step === state.step,
            }
          : null,
        tensor: t.id,
        result,
        ...version,
        height: LEAF_HEIGHT,
      }));
    };

    for (const n of state.nodes.values()) {
      const gid = graphIdOf(n);
      seen.add(gid);
      if (gid < 0) {
        const t = state.tensors.get(-gid);
        if (t) nodes.push(leafNode(t, Math.min(t.bornAt, n.bornAt), n.id));
        continue;
      }
      const out = outputOf(n, 0);
      const sum = sumsByNode.get(n.id) ?? null;
      // names belong to the node that is a tensor's grad_fn now: after an in-place op rebased it
      // (b.add_(1)), b names AddBackward0, and the node b came from before is no longer b's
      const outNames = currentNames(state, n, names);
      const status = statusOf(n.id);
      const sumTexts = sum ? [valuesOf(sum.before) ?? "?", valuesOf(sum.delta) ?? "?", valuesOf(sum.after) ?? "?"] : null;
      const seed = b && rootNodes.has(n.id) ? seedLabel(state, b.roots, b.seeds, n.id, valuesOf) : null;
      const error = errorNode === n.id;
      const version = out && out.gradFn === n.id ? versionOf(out, last_) : null;
      const result = resultOf(gid);
      const deps = [n, out, outNames.join("\u0000"), status, sum, sumTexts?.join("\u0000"), sum?.step === state.step, seed, error, version?.version, version?.versionNow, result?.value, result?.names.join("\u0000"), result?.now];
      nodes.push(
        node(gid, deps, () => ({
          ...base(gid, "op", n.name, outNames, n.order, n.bornAt),
          shape: out?.shape ?? null,
          saved: n.saved.map((sv) => ({ slot: sv.slot, freed: sv.freed, blamed: error && blame?.saved?.slot === sv.slot ? blame.saved.reason : null })),
          status,
          sum: sum && sumTexts && { before: sumTexts[0], delta: sumTexts[1], after: sumTexts[2], now: sum.step === state.step },
          seed,
          error,
          result,
          tensor: out?.id ?? null,
          ...(version ?? {}),
        })),
      );
      n.next.forEach((edge, i) => {
        if (!edge) return;
        const src = state.nodes.get(edge.node);
        if (!src) return;
        const source = graphIdOf(src);
        const flowing = source < 0 ? state.tensors.get(src.variable as number) : outputOf(src, edge.inputNr);
        const flight = b?.edgeGrads.get(edgeKey(n.id, edge.node, edge.inputNr));
        const grad = flight ? valuesOf(flight.grad) : null;
        const gradNow = !!flight && last_?.kind === "node/executed" && last_.node === n.id;
        const key = `${n.id}:${i}`;
        const deps = [source, gid, flowing?.shape, grad, gradNow];
        const old = madeEdges.get(key);
        const made = old && sameDeps(old.deps, deps) ? old : { deps, view: { source, target: gid, shape: flowing?.shape ?? null, grad, gradNow } };
        nextEdges.set(key, made);
        edges.push(made.view);
      });
    }
    // named leaves that require grad but have not been used yet still deserve a place
    for (const [id, ns] of names) {
      const t = state.tensors.get(id);
      if (t && t.isLeaf && t.requiresGrad && !seen.has(-id) && ns.some((s) => !s.includes("."))) nodes.push(leafNode(t, t.bornAt, null));
    }
    nodes.sort((p, q) => p.bornAt - q.bornAt || p.id - q.id);
    madeNodes = nextNodes;
    madeEdges = nextEdges;
    texts = nextTexts;
    // an unchanged step hands back the very same model (and an unchanged list the same array)
    const sameNodes = last != null && sameDeps(last.nodes, nodes);
    const sameEdges = last != null && sameDeps(last.edges, edges);
    if (last && sameNodes && sameEdges) return last;
    last = { nodes: sameNodes && last ? last.nodes : nodes, edges: sameEdges && last ? last.edges : edges };
    return last;
  };
}

/** Width from the texts a node shows, and room for its saved-tensor badges. */
function finish(node: GraphNodeView): GraphNodeView {
  node.width = widthOf(node);
  if (node.saved.length) node.height += SAVED_ROW;
  return node;
}

function base(id: number, kind: "op" | "leaf", name: string, names: string[], order: number, bornAt: number): GraphNodeView {
  return {
    id,
    kind,
    name,
    names,
    order,
    shape: null,
    saved: [],
    bornAt,
    status: "idle",
    version: null,
    versionNow: false,
    grad: null,
    accumulation: null,
    sum: null,
    result: null,
    seed: null,
    error: false,
    tensor: null,
    width: 0,
    height: NODE_HEIGHT,
  };
}

function versionOf(t: TensorState, last: TraceState["lastEvent"]): { version: string | null; versionNow: boolean } {
  if (last?.kind === "tensor/mutated" && (last.tensor === t.id || last.aliases.includes(t.id)))
    return { version: `v${last.versionBefore}→v${last.versionAfter}`, versionNow: true };
  return { version: t.version > 0 ? `v${t.version}` : null, versionNow: false };
}

/** Where autograd.grad captured each input's gradient, by graph id: a leaf's own node, or the
 *  grad_fn of a non-leaf input (the gradient is taken from that node's input buffer). */
function capturedAt(state: TraceState): Map<number, { tensor: number; grad: number }> {
  const out = new Map<number, { tensor: number; grad: number }>();
  for (const c of state.backward?.captured ?? []) {
    const t = state.tensors.get(c.tensor);
    if (!t) continue;
    const node = t.gradFn == null ? undefined : state.nodes.get(t.gradFn);
    out.set(node ? graphIdOf(node) : -t.id, c);
  }
  return out;
}

/** Names of the node's outputs whose grad_fn it still is (every output of a multi-output node). */
function currentNames(state: TraceState, n: NodeState, names: Map<number, string[]>): string[] {
  if (n.outputs.length === 1) {
    const t = state.tensors.get(n.outputs[0]);
    return t && t.gradFn === n.id ? (names.get(t.id) ?? NO_NAMES) : NO_NAMES;
  }
  const out: string[] = [];
  for (const id of n.outputs) if (state.tensors.get(id)?.gradFn === n.id) for (const name of names.get(id) ?? []) if (!out.includes(name)) out.push(name);
  return out;
}
const NO_NAMES: string[] = [];

function seedLabel(
  state: TraceState,
  roots: number[],
  seeds: number[],
  nodeId: number,
  valuesOf: (id: number) => string | null,
): string | null {
  const i = roots.findIndex((r) => state.tensors.get(r)?.gradFn === nodeId);
  return i >= 0 && seeds[i] != null ? valuesOf(seeds[i]) : null;
}

/** Every name that reaches a tensor: bound names, and `name.grad` for a named tensor's .grad. */
export function namesByTensor(state: TraceState): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const add = (id: number, name: string) => {
    const list = out.get(id);
    if (!list) out.set(id, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const b of state.bindings.values()) {
    if (b.value.type === "tensor") add(b.value.id, b.name);
    // a tuple or list of tensors (autograd.grad's result): each element by its index
    else if (b.value.type === "tensors") b.value.ids.forEach((id, i) => id != null && add(id, `${b.name}[${i}]`));
  }
  for (const b of state.bindings.values()) {
    if (b.value.type !== "tensor") continue;
    const g = state.tensors.get(b.value.id)?.grad;
    if (g != null) add(g, `${b.name}.grad`);
  }
  return out;
}

const CHAR = 6.8;

function widthOf(n: GraphNodeView): number {
  const texts = [n.name, n.names.join(", "), n.kind === "leaf" ? `.grad ${n.grad ?? ""}` : ""];
  const longest = Math.max(...texts.map((t) => t.length));
  const badges = n.saved.reduce((sum, s) => sum + savedBadgeWidth(s.slot) + 4, 12);
  return Math.max(96, Math.min(240, Math.round(Math.max(longest * CHAR + 28, badges))));
}
