// What the graph view draws at one step, as plain data: grad_fn nodes, leaves with their .grad
// slots, edges with shapes and gradients in flight. Pure, so the screen and exports agree.

import type { ErrorBlame } from "../../../engine/events.ts";
import type { BackwardState, GradAccumulation, GradFlight, GradSum, HookState, NodeState, TangentOpState, TensorState, TraceState } from "../../../engine/trace/state.ts";
import { latestSum, nodesInOrder } from "../../../engine/trace/state.ts";
import { tensorValues } from "../../../engine/trace/values.ts";
import { formatValues } from "../lib/format.ts";
import { gridOf, type Grid } from "../lib/matrix.ts";
import { moduleHookBadge, moduleHookCall, moduleHookPill } from "../lib/moduleHooks.ts";
import { FORWARD_ID_BASE, makeForwardUnit, NODE_TANGENT_ROW, tangentView, edgeTangent, type TangentView } from "./forwardNodes.ts";
import { base, finish, LEAF_HEIGHT } from "./nodeView.ts";

export { FORWARD_ID_BASE } from "./forwardNodes.ts";
export { LEAF_HEIGHT, NODE_HEIGHT, SAVED_ROW, savedBadgeWidth } from "./nodeView.ts";

export type NodeStatus = "idle" | "executing" | "executed";

export interface AccumulationView {
  before: string | null;
  delta: string;
  after: string;
  how: "stored" | "inplace" | "replaced";
  /** .grad after, as a grid when the leaf is a small matrix (A.grad's repeated rows show at a glance) */
  afterGrid: Grid | null;
  /** true when it happened at this very step (animate it) */
  now: boolean;
}

/** A backward hook sitting on a node (or on the tensor it stands for). */
export interface HookMark {
  id: number;
  where: HookState["where"];
  name: string;
  /** torch.nn's hook for a module's backward hooks: the module, and how they were registered */
  module: { badge: string; call: string; pill: string } | null;
  /** it is running at this very step: the gradient it was given and what flows on */
  call: { before: string; after: string; replaced: boolean } | null;
}

export interface GraphNodeView {
  /** a grad_fn node's id; a leaf (AccumulateGrad or a leaf not yet used) is minus its tensor id */
  id: number;
  /** forward: an op of forward-mode AD's graph (forwardNodes.ts), drawn when no grad_fn stands for it */
  kind: "op" | "leaf" | "forward";
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
  result: { value: string; names: string[]; now: boolean; grid: Grid | null } | null;
  /** summed contributions at this node's input during the current backward */
  sum: { before: string; delta: string; after: string; now: boolean } | null;
  seed: string | null;
  error: boolean;
  /** nothing references it any more (graph/freed): CPython freed it, so it fades; now: at this step */
  freed: { now: boolean } | null;
  /** backward hooks registered here (register_hook on the tensor it stands for, the node's
   *  pre-hooks and hooks, a leaf's post-accumulate-grad hooks), in registration order */
  hooks: HookMark[];
  /** tensor id for the inspector */
  tensor: number | null;
  width: number;
  height: number;
  /** a collapsed group (collapseView.ts): how many nodes it stands for */
  group?: number;
  /** forward AD: the tangent its output carries (its formula and value), or null */
  tangent: TangentView | null;
  /** forward over reverse: a node a step of this op's tangent formula recorded */
  tangentFormulaOf?: string;
}

export interface GraphEdgeView {
  /** from input (lower) to consumer (upper), as the layout wants */
  source: number;
  target: number;
  shape: number[] | null;
  /** gradient sent along this edge in the current backward */
  grad: string | null;
  /** the gradient as a grid when it is a small matrix (drawn instead of `grad`'s text) */
  gradGrid: Grid | null;
  gradNow: boolean;
  /** its consumer was freed, and the edge with it */
  freed: boolean;
  /** forward AD: the tangent riding along with the tensor on this edge (its values), or null */
  tangent: string | null;
  /** an edge of forward-mode AD's graph (into a forward node) */
  forward: boolean;
}

export interface GraphModel {
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
}

/** The id a graph node gets: AccumulateGrad shares its leaf's id so the leaf never jumps. */
export function graphIdOf(node: NodeState): number {
  return node.name === "AccumulateGrad" && node.variable != null ? -node.variable : node.id;
}

/**
 * What building a view reads from the state. The from-scratch build reads the state directly; the
 * step-to-step store (graphStore.ts) records each read, so it knows which views a change touches.
 */
export interface GraphReader {
  readonly state: TraceState;
  node(id: number): NodeState | undefined;
  tensor(id: number): TensorState | undefined;
  /** a tensor's elements as text (null when unknown) */
  values(id: number | null | undefined): string | null;
  /** a 2-D tensor's elements as a grid (null for other shapes, or too big to draw) */
  grid(id: number | null | undefined): Grid | null;
  names(tensor: number): string[];
  /** the backward's view of a node: status, summed input, sent gradients, seed, error */
  status(node: number): NodeStatus;
  sum(node: number): GradSum | undefined;
  flight(node: number, edge: number): GradFlight | null;
  seed(node: number): string | null;
  /** what the failing backward blames on this node (it, and maybe one of its saved tensors), or null */
  blame(node: number): ErrorBlame | null;
  /** where autograd.grad captured a gradient, by graph id (see capturedAt) */
  captured(gid: number): { tensor: number; grad: number } | undefined;
  accumulation(leaf: number): GradAccumulation | undefined;
  /** the hooks registered at a graph id (see hooksAt) */
  hooks(gid: number): HookState[];
  /** forward AD: the op that gave a tensor its tangent (kept, ended, after the dual level); read
   *  only after tensor(id), whose dependency covers it */
  tangentOp(tensor: number): TangentOpState | undefined;
}

/** The graph at one step, from scratch. */
export function buildGraph(state: TraceState): GraphModel {
  const reader = directReader(state);
  const nodes: GraphNodeView[] = [];
  const edges: GraphEdgeView[] = [];
  const seen = new Set<number>();
  // grad_fn nodes and forward-mode ops, in the order they appeared (as the store sorts its units)
  const units: { at: number; key: number; made: { node: GraphNodeView | null; edges: GraphEdgeView[] } }[] = [];
  for (const n of nodesInOrder(state)) {
    seen.add(graphIdOf(n));
    units.push({ at: n.bornAt, key: n.id, made: makeNodeUnit(reader, n) });
  }
  for (const op of state.tangentOps.values()) units.push({ at: op.setAt, key: FORWARD_ID_BASE + op.tensor, made: makeForwardUnit(reader, op) });
  units.sort((p, q) => p.at - q.at || p.key - q.key);
  for (const { made } of units) {
    if (made.node) nodes.push(made.node);
    edges.push(...made.edges);
  }
  for (const id of namedLeafCandidates(reader.namesMap)) {
    const leaf = makeNamedLeaf(reader, id, seen.has(-id));
    if (leaf) nodes.push(leaf);
  }
  return { nodes: sortNodes(nodes), edges };
}

/** Nodes in drawing order: by the step they appeared, then id (stable for equal keys). */
export function sortNodes(nodes: GraphNodeView[]): GraphNodeView[] {
  return nodes.sort((p, q) => p.bornAt - q.bornAt || p.id - q.id);
}

/** Tensors that might get a leaf of their own before any op uses them: the named ones. */
export function namedLeafCandidates(names: Map<number, string[]>): number[] {
  return [...names.keys()];
}

/** A named leaf that requires grad but has no AccumulateGrad node yet still deserves a place. */
export function makeNamedLeaf(r: GraphReader, id: number, hasNode: boolean): GraphNodeView | null {
  if (hasNode) return null;
  const t = r.tensor(id);
  const ns = r.names(id);
  if (!t || !t.isLeaf || !t.requiresGrad || !ns.some((s) => !s.includes("."))) return null;
  return leafView(r, t, t.bornAt, null);
}

/** The view of one grad_fn node (a leaf's, for AccumulateGrad) and the edges to its inputs. */
export function makeNodeUnit(r: GraphReader, n: NodeState): { node: GraphNodeView | null; edges: GraphEdgeView[] } {
  const gid = graphIdOf(n);
  if (gid < 0) {
    const t = r.tensor(-gid);
    return { node: t ? leafView(r, t, Math.min(t.bornAt, n.bornAt), n.id, n.freedAt) : null, edges: [] };
  }
  const out = outputOf(r, n, 0);
  const sum = r.sum(n.id) ?? null;
  const now = r.state.step;
  // names belong to the node that is a tensor's grad_fn now: after an in-place op rebased it
  // (b.add_(1)), b names AddBackward0, and the node b came from before is no longer b's
  const outNames = currentNames(r, n);
  const version = out && out.gradFn === n.id ? versionOf(out, r.state.lastEvent) : null;
  // the engine names the node whose backward failed (and the saved tensor it could not use)
  const blame = r.blame(n.id);
  const node = finish({
    ...base(gid, "op", n.name, outNames, n.order, n.bornAt),
    shape: out?.shape ?? null,
    saved: n.saved.map((sv) => ({ slot: sv.slot, freed: sv.freed, blamed: blame && blame.saved?.slot === sv.slot ? blame.saved.reason : null })),
    status: r.status(n.id),
    sum: sum && { before: r.values(sum.before) ?? "?", delta: r.values(sum.delta) ?? "?", after: r.values(sum.after) ?? "?", now: sum.step === now },
    seed: r.seed(n.id),
    error: blame != null,
    result: resultOf(r, gid),
    hooks: hookMarks(r, gid),
    freed: freedOf(n.freedAt, now),
    tensor: out?.id ?? null,
    // forward over reverse: the op's output carries a tangent too
    tangent: out && out.gradFn === n.id ? tangentView(r, out.id) : null,
    ...(n.tangentFormulaOf != null ? { tangentFormulaOf: n.tangentFormulaOf } : {}),
    ...(version ?? {}),
  });
  if (node.tangent) node.height += NODE_TANGENT_ROW;
  const last = r.state.lastEvent;
  const edges: GraphEdgeView[] = [];
  n.next.forEach((edge, i) => {
    if (!edge) return;
    const src = r.node(edge.node);
    if (!src) return;
    const source = graphIdOf(src);
    const flowing = source < 0 ? r.tensor(src.variable as number) : outputOf(r, src, edge.inputNr);
    const flight = r.flight(n.id, i);
    const grad = flight ? r.values(flight.grad) : null;
    const gradGrid = flight ? r.grid(flight.grad) : null;
    const gradNow = !!flight && last?.kind === "node/executed" && last.node === n.id;
    edges.push({ source, target: gid, shape: flowing?.shape ?? null, grad, gradGrid, gradNow, freed: n.freedAt != null, tangent: flowing ? edgeTangent(r, flowing.id) : null, forward: false });
  });
  return { node, edges };
}

/** The leaf and its AccumulateGrad hold each other: they are freed together (accFreedAt); a leaf
 *  no op used is drawn only while it is named, so alive. */
function leafView(r: GraphReader, t: TensorState, born: number, nodeId: number | null, accFreedAt?: number): GraphNodeView {
  const acc = r.accumulation(t.id);
  const grad = t.grad == null ? "None" : r.values(t.grad);
  return finish({
    ...base(-t.id, "leaf", nodeId == null ? "leaf" : "AccumulateGrad", r.names(t.id), 0, born),
    shape: t.shape,
    status: nodeId != null ? r.status(nodeId) : "idle",
    grad,
    accumulation: acc
      ? {
          before: acc.beforeValues && formatValues(acc.beforeValues, t.dtype),
          delta: r.values(acc.delta) ?? "?",
          after: formatValues(acc.afterValues, t.dtype),
          how: acc.how,
          afterGrid: gridOf(acc.afterValues, t.shape, t.dtype),
          now: acc.step === r.state.step,
        }
      : null,
    tensor: t.id,
    result: resultOf(r, -t.id),
    hooks: hookMarks(r, -t.id),
    freed: freedOf(accFreedAt, r.state.step),
    ...versionOf(t, r.state.lastEvent),
    height: LEAF_HEIGHT,
  });
}

const NO_HOOKS: HookMark[] = [];
const NO_STATES: HookState[] = [];

function hookMarks(r: GraphReader, gid: number): HookMark[] {
  const hooks = r.hooks(gid);
  if (!hooks.length) return NO_HOOKS;
  const last = r.state.lastEvent;
  return hooks.map((h) => {
    const now = last?.kind === "hook/called" && last.hook === h.id ? last : null;
    const text = (ids: (number | null)[]) => ids.map((id) => r.values(id) ?? "None").join(", ");
    const call = now ? { before: text(now.before), after: text(now.after), replaced: now.before.some((id, i) => id !== now.after[i]) } : null;
    const module = h.module ? { badge: moduleHookBadge(h.module), call: moduleHookCall(h.module), pill: moduleHookPill(h.module) } : null;
    return { id: h.id, where: h.where, name: h.name, module, call };
  });
}

/** The hooks registered now, by the graph id of the node they sit on: a tensor hook on the node
 *  whose output the tensor is (a leaf's: the leaf), a node's pre-hooks and hooks on it, a
 *  post-accumulate-grad hook on its leaf. */
export function hooksAt(state: TraceState): Map<number, HookState[]> {
  const out = new Map<number, HookState[]>();
  for (const h of state.hooks.values()) {
    if (h.removedAt != null) continue;
    const n = h.node != null ? state.nodes.get(h.node) : undefined;
    const gid = n ? graphIdOf(n) : h.tensor != null ? -h.tensor : null;
    if (gid == null) continue;
    const list = out.get(gid);
    if (list) list.push(h);
    else out.set(gid, [h]);
  }
  return out;
}

function resultOf(r: GraphReader, gid: number): GraphNodeView["result"] {
  const c = r.captured(gid);
  if (!c) return null;
  const last = r.state.lastEvent;
  return { value: r.values(c.grad) ?? "?", names: r.names(c.grad), now: last?.kind === "grad/captured" && last.grad === c.grad, grid: r.grid(c.grad) };
}

/** Names of the node's outputs whose grad_fn it still is (every output of a multi-output node). */
function currentNames(r: GraphReader, n: NodeState): string[] {
  if (n.outputs.length === 1) {
    const t = r.tensor(n.outputs[0]);
    return t && t.gradFn === n.id ? r.names(t.id) : NO_NAMES;
  }
  const out: string[] = [];
  for (const id of n.outputs) if (r.tensor(id)?.gradFn === n.id) for (const name of r.names(id)) if (!out.includes(name)) out.push(name);
  return out;
}
const NO_NAMES: string[] = [];
const FREED = { now: false };
const FREED_NOW = { now: true };

function freedOf(at: number | undefined, step: number): GraphNodeView["freed"] {
  return at == null ? null : at === step ? FREED_NOW : FREED;
}

/** Where autograd.grad captured each input's gradient, by graph id: a leaf's own node, or the
 *  grad_fn of a non-leaf input (the gradient is taken from that node's input buffer). */
export function capturedAt(state: TraceState): Map<number, { tensor: number; grad: number }> {
  const out = new Map<number, { tensor: number; grad: number }>();
  for (const c of state.backward?.captured ?? []) {
    const t = state.tensors.get(c.tensor);
    if (!t) continue;
    const node = t.gradFn == null ? undefined : state.nodes.get(t.gradFn);
    out.set(node ? graphIdOf(node) : -t.id, c);
  }
  return out;
}

/** The node's output number `nr` (else its first). Found without the recording reader, which then
 *  records only the tensor returned: read through it, every edge out of a node with thousands of
 *  outputs (unbind of a long tensor, which Python's sum() iterates) depended on all of them, and
 *  `y = sum(x)` over 5,000 elements took minutes to draw. Which tensor is found changes only with
 *  the node's outputs (its NODE_LINK entry) or that tensor's outputNr (its TENSOR entry). */
function outputOf(r: GraphReader, n: NodeState, nr: number): TensorState | undefined {
  const tensors = r.state.tensors;
  const at = tensors.get(n.outputs[nr])?.outputNr === nr ? nr : n.outputs.findIndex((id) => tensors.get(id)?.outputNr === nr);
  return n.outputs.length ? r.tensor(n.outputs[at >= 0 ? at : 0]) : undefined;
}

/** The node a failing backward stopped at (the engine's blame), or null. */
export function errorNodeOf(state: TraceState): number | null {
  return state.error?.blame?.node ?? null;
}

/** A reader straight over the state (no recording), with its names computed once. */
function directReader(state: TraceState): GraphReader & { namesMap: Map<number, string[]> } {
  const namesMap = namesByTensor(state);
  const b = state.backward;
  const blame = state.error?.blame ?? null;
  const captured = capturedAt(state);
  const hooks = hooksAt(state);
  return {
    state,
    namesMap,
    node: (id) => state.nodes.get(id),
    tensor: (id) => state.tensors.get(id),
    values: (id) => valuesText(state, id),
    grid: (id) => gridText(state, id),
    names: (id) => namesMap.get(id) ?? [],
    status: (id) => statusOf(b, id),
    sum: (id) => (b ? latestSum(b, id) : undefined),
    flight: (id, i) => b?.edgeGrads.get(id)?.[i] ?? null,
    seed: (id) => seedOf(state, id, (t) => valuesText(state, t)),
    blame: (id) => (blame?.node === id ? blame : null),
    captured: (gid) => captured.get(gid),
    accumulation: (id) => b?.accumulated.get(id),
    hooks: (gid) => hooks.get(gid) ?? NO_STATES,
    tangentOp: (id) => state.tangentOps.get(id),
  };
}

export function statusOf(b: BackwardState | null, node: number): NodeStatus {
  return b?.executing === node ? "executing" : b?.executed.has(node) ? "executed" : "idle";
}

/** The seed shown on a root's node while its backward runs, or null. */
export function seedOf(state: TraceState, node: number, values: (tensor: number) => string | null): string | null {
  const b = state.backward;
  if (!b) return null;
  const i = b.roots.findIndex((r) => state.tensors.get(r)?.gradFn === node);
  return i >= 0 && b.seeds[i] != null ? values(b.seeds[i]) : null;
}

export function gridText(state: TraceState, id: number | null | undefined): Grid | null {
  const t = id == null ? undefined : state.tensors.get(id);
  return t && t.shape.length === 2 ? gridOf(tensorValues(state, id as number), t.shape, t.dtype) : null;
}

export function valuesText(state: TraceState, id: number | null | undefined): string | null {
  if (id == null) return null;
  const t = state.tensors.get(id);
  return t ? formatValues(tensorValues(state, id), t.dtype) : null;
}

function versionOf(t: TensorState, last: TraceState["lastEvent"]): { version: string | null; versionNow: boolean } {
  if ((last?.kind === "tensor/mutated" && (last.tensor === t.id || last.aliases.includes(t.id))) || (last?.kind === "optim/stepped" && (last.param === t.id || last.aliases.includes(t.id))))
    return { version: `v${last.versionBefore}→v${last.versionAfter}`, versionNow: true };
  return { version: t.version > 0 ? `v${t.version}` : null, versionNow: false };
}

/** Every name that reaches a tensor: bound names, parameter names, and `name.grad` for a named
 *  tensor's .grad. */
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
  // a torch.nn model's parameters and buffers by their named_parameters() names (fc1.weight),
  // after the Python names that are bound to them
  for (const [id, name] of state.paramNames) add(id, name);
  const gradOf = (id: number, name: string) => {
    const g = state.tensors.get(id)?.grad;
    if (g != null) add(g, `${name}.grad`);
  };
  for (const b of state.bindings.values()) if (b.value.type === "tensor") gradOf(b.value.id, b.name);
  for (const [id, name] of state.paramNames) gradOf(id, name);
  return out;
}

