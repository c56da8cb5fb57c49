// The world at one step of a trace: what the fold builds and every view reads.
// Entries are treated as immutable (a change replaces the entry). The maps that grow with the
// graph are IdMaps, which copy in O(1) and share structure with their copies, so a state per
// step and a checkpoint every few hundred events cost memory in what changed, not in its size.

import type { BindingValue, ErrorBlame, GradMode, ModuleHookInfo, ObjectAttr, SavedInfo, Span, TensorInfo, TraceEvent } from "../events.ts";
import { IdMap } from "./idmap.ts";

/** A tensor as the fold keeps it: its TensorInfo less the values (they live in storages). */
export interface TensorState extends Omit<TensorInfo, "values" | "storageValues"> {
  /** id of the tensor in `.grad`, or null */
  grad: number | null;
  retainsGrad: boolean;
  /** the op or factory that made it ("tensor", "mul", "grad"...) */
  how: string;
  /** step at which it appeared */
  bornAt: number;
  /** the torch.nn module call that made it (a ModuleCallState's call), if one was running */
  module?: number;
  /** forward AD: its tangent (a tensor id) as last set; it is gone once the dual level ends */
  tangent?: number;
}

export interface StorageState {
  id: number;
  values: number[];
  /** step of the last in-place write, for the flash */
  writtenAt: number;
}

export interface SavedState extends SavedInfo {
  freed: boolean;
}

export interface NodeState {
  id: number;
  name: string;
  sequenceNr: number;
  next: ({ node: number; inputNr: number } | null)[];
  saved: SavedState[];
  order: number;
  /** for AccumulateGrad: the leaf tensor whose .grad it fills */
  variable?: number;
  /** tensors this node produced (the grad_fn of), in creation order */
  outputs: number[];
  bornAt: number;
  /** step at which nothing referenced it any more (graph/freed); absent while alive. Tensors
   *  freed keep their entries as they were: a tensor the view draws is named, so alive */
  freedAt?: number;
  /** the torch.nn module call it was recorded in (a ModuleCallState's call), if one was running */
  module?: number;
  /** forward over reverse: recorded by a step of this op's tangent formula (the tangent is differentiable) */
  tangentFormulaOf?: string;
}

/** One call of a torch.nn.Module (module/entered .. module/exited). */
export interface ModuleCallState {
  call: number;
  /** the call it ran inside, or null for the outermost */
  parent: number | null;
  /** its name in the outermost module (named_modules(): "" for that module, "fc1", "net.0"), or
   *  null when it is not one of its submodules */
  path: string | null;
  /** its class name ("Linear") */
  module: string;
  enteredAt: number;
  /** step of module/exited, or null while it runs */
  exitedAt: number | null;
  outputs: number[];
}

/** What an optimizer keeps for one parameter (optim/stepped): its state tensors by key
 *  (momentum_buffer; step, exp_avg, exp_avg_sq...) and the step that last updated it */
export interface OptimParamState {
  param: number;
  optimizer: string;
  lr: number;
  state: { key: string; tensor: number }[];
  steppedAt: number;
  /** the step that first updated it: the optimizer's order of its parameters */
  firstAt: number;
  steps: number;
}

/** A Python object the memory view draws: its class and its attributes, in the order set. */
export interface ObjectState {
  id: number;
  cls: string;
  attrs: ObjectAttr[];
  /** an nn.Module (its attributes are its parameters, buffers and submodules) */
  module: boolean;
  bornAt: number;
  /** step of the last attribute change */
  changedAt: number;
}

/** A backward hook registered (hook/registered), kept after hook/removed with removedAt set. */
export interface HookState {
  id: number;
  /** register_hook on a tensor, a node's register_prehook / register_hook, or a leaf's
   *  register_post_accumulate_grad_hook */
  where: "tensor" | "pre" | "post" | "post-accumulate";
  /** the hook function's __name__ (`<lambda>`) */
  name: string;
  /** the node it sits on (a tensor hook's: the node whose output the tensor is, or the leaf's
   *  AccumulateGrad); null for a post-accumulate hook */
  node: number | null;
  /** the tensor it was registered on (tensor and post-accumulate hooks) */
  tensor: number | null;
  /** torch.nn put it there for this module's backward hooks */
  module?: ModuleHookInfo;
  registeredAt: number;
  /** its last call: the gradients it was given and what flowed on, and the step */
  lastCall: { before: (number | null)[]; after: (number | null)[]; step: number } | null;
  calls: number;
  /** step of hook/removed (handle.remove()); absent while registered */
  removedAt?: number;
}

/** forward AD: a tensor carrying a tangent (tangent/set) and the op that gave it, while the dual
 *  level lasts. Keyed by the dual tensor's id. */
export interface TangentOpState {
  tensor: number;
  tangent: number;
  /** the op whose tangent formula gave it (make_dual, sin, mul, jvp: a custom Function's) */
  op: string;
  /** that op's primal inputs */
  inputs: number[];
  /** step of the tangent/set */
  setAt: number;
  /** step the dual level ended at (the tangent is gone); absent while it lasts */
  endedAt?: number;
  /** step at which nothing referenced the dual tensor any more (graph/freed) */
  freedAt?: number;
}

export interface BindingState {
  name: string;
  scope: string;
  value: BindingValue;
  setAt: number;
}

export type ConsoleKind = "stdout" | "stderr" | "warning" | "error";

export interface ConsoleEntry {
  kind: ConsoleKind;
  text: string;
  /** source line the entry is about (warnings, errors) */
  line?: number;
  step: number;
}

/** One gradient travelling along an edge of the graph, from a node to one of its inputs. */
export interface GradFlight {
  from: number;
  to: number;
  inputNr: number;
  grad: number;
}

export interface GradSum {
  node: number;
  inputNr: number;
  before: number;
  delta: number;
  after: number;
  step: number;
}

export interface GradAccumulation {
  leaf: number;
  node: number;
  before: number | null;
  delta: number;
  after: number;
  how: "stored" | "inplace" | "replaced";
  /** elements of before and after as they were at that moment: an in-place add makes
   *  before and after one tensor, so reading it later would show the sum twice */
  beforeValues: number[] | null;
  afterValues: number[];
  step: number;
}

export interface BackwardState {
  id: number;
  mode: GradMode;
  roots: number[];
  seeds: number[];
  implicitSeed: boolean;
  retainGraph: boolean;
  createGraph: boolean;
  inputs: number[] | null;
  /** the node running now (the last node/executed), or null before the first one */
  executing: number | null;
  /** node id -> its place (0, 1, 2...) in the order the nodes ran */
  executed: IdMap<number>;
  /** gradient each executed node received, keyed by node id */
  gradsIn: IdMap<(number | null)[]>;
  /** the gradients each executed node sent, keyed by its id: one per edge of its `next` (null where none was sent) */
  edgeGrads: IdMap<(GradFlight | null)[]>;
  /** contributions summed into a node's input buffers, keyed by node id, indexed by inputNr */
  sums: IdMap<(GradSum | undefined)[]>;
  accumulated: IdMap<GradAccumulation>;
  captured: { tensor: number; grad: number }[];
  finished: boolean;
  results: (number | null)[] | null;
}

export interface ErrorState {
  type: string;
  message: string;
  span?: Span;
  traceback?: string;
  /** the grad_fn node (and saved tensor) a failing backward stopped at */
  blame?: ErrorBlame;
  step: number;
}

export interface StatementState {
  span: Span;
  text: string;
  /** 0-based count of statement markers up to and including this one */
  index: number;
  step: number;
}

export interface TraceState {
  /** index of the last event folded in; -1 for the empty state */
  step: number;
  tensors: IdMap<TensorState>;
  storages: IdMap<StorageState>;
  /** grad_fn nodes; a node's bornAt orders them as they appeared (ids need not be in that order) */
  nodes: IdMap<NodeState>;
  /** base tensor id -> the ids of the views made of it (differentiable views: TensorInfo.base) */
  viewsOf: IdMap<number[]>;
  /** tensor id -> its name in the module that holds it ("fc1.weight": named_parameters()) */
  paramNames: IdMap<string>;
  /** torch.nn module calls by call id */
  moduleCalls: IdMap<ModuleCallState>;
  /** the innermost module call running now, or null */
  openModule: number | null;
  /** parameter tensor id -> the optimizer's state for it, once a step updated it */
  optimState: IdMap<OptimParamState>;
  /** backward hooks by hook id (removed ones keep their entries, with removedAt) */
  hooks: IdMap<HookState>;
  /** keyed by `${scope}\u0000${name}`; insertion order is first-binding order, kept stable */
  bindings: Map<string, BindingState>;
  /** Python objects seen by the memory view (object/created), by object id */
  objects: IdMap<ObjectState>;
  /** forward AD: the tensors given a tangent, by tensor id, with the op that gave it (kept, ended,
   *  once their dual level is over) */
  tangentOps: IdMap<TangentOpState>;
  /** forward AD: the step a dual level was entered at, or null outside one */
  dualSince: number | null;
  console: ConsoleEntry[];
  backward: BackwardState | null;
  statement: StatementState | null;
  /** span of the most recent event that carried one (the sub-expression running) */
  span: Span | null;
  error: ErrorState | null;
  lastEvent: TraceEvent | null;
}

export function emptyState(): TraceState {
  return {
    step: -1,
    tensors: new IdMap(),
    storages: new IdMap(),
    nodes: new IdMap(),
    viewsOf: new IdMap(),
    paramNames: new IdMap(),
    moduleCalls: new IdMap(),
    openModule: null,
    optimState: new IdMap(),
    hooks: new IdMap(),
    bindings: new Map(),
    objects: new IdMap(),
    tangentOps: new IdMap(),
    dualSince: null,
    console: [],
    backward: null,
    statement: null,
    span: null,
    error: null,
    lastEvent: null,
  };
}

/** A copy that can be folded into without touching the original (entries and trie nodes are
 *  shared; the IdMaps copy in O(1), the small maps and lists are copied). */
export function cloneState(s: TraceState): TraceState {
  return {
    ...s,
    tensors: s.tensors.clone(),
    storages: s.storages.clone(),
    nodes: s.nodes.clone(),
    viewsOf: s.viewsOf.clone(),
    paramNames: s.paramNames.clone(),
    moduleCalls: s.moduleCalls.clone(),
    optimState: s.optimState.clone(),
    hooks: s.hooks.clone(),
    bindings: new Map(s.bindings),
    objects: s.objects.clone(),
    tangentOps: s.tangentOps.clone(),
    console: s.console.slice(),
    backward: s.backward && cloneBackward(s.backward),
  };
}

function cloneBackward(b: BackwardState): BackwardState {
  return {
    ...b,
    executed: b.executed.clone(),
    gradsIn: b.gradsIn.clone(),
    edgeGrads: b.edgeGrads.clone(),
    sums: b.sums.clone(),
    accumulated: b.accumulated.clone(),
    captured: b.captured.slice(),
  };
}

/**
 * `state` with what differs between `from` and `to` (two states of one replay, `from` at the same
 * step as `state`) changed to `to`'s: `to`'s world, sharing everything else with `state`. Stepping
 * back from a state the views have seen then changes only what the step undid.
 */
export function transplant(state: TraceState, from: TraceState, to: TraceState): TraceState {
  const patch = <V>(base: IdMap<V>, a: IdMap<V>, b: IdMap<V>): IdMap<V> => {
    const out = base.clone();
    IdMap.diff(a, b, (id, _x, y) => (y === undefined ? out.delete(id) : out.set(id, y)));
    return out;
  };
  const sb = state.backward;
  const fb = from.backward;
  const tb = to.backward;
  const backward =
    sb && fb && tb && sb.id === fb.id && fb.id === tb.id
      ? {
          ...tb,
          executed: patch(sb.executed, fb.executed, tb.executed),
          gradsIn: patch(sb.gradsIn, fb.gradsIn, tb.gradsIn),
          edgeGrads: patch(sb.edgeGrads, fb.edgeGrads, tb.edgeGrads),
          sums: patch(sb.sums, fb.sums, tb.sums),
          accumulated: patch(sb.accumulated, fb.accumulated, tb.accumulated),
        }
      : tb;
  return {
    ...to,
    tensors: patch(state.tensors, from.tensors, to.tensors),
    storages: patch(state.storages, from.storages, to.storages),
    nodes: patch(state.nodes, from.nodes, to.nodes),
    viewsOf: patch(state.viewsOf, from.viewsOf, to.viewsOf),
    paramNames: patch(state.paramNames, from.paramNames, to.paramNames),
    moduleCalls: patch(state.moduleCalls, from.moduleCalls, to.moduleCalls),
    optimState: patch(state.optimState, from.optimState, to.optimState),
    objects: patch(state.objects, from.objects, to.objects),
    tangentOps: patch(state.tangentOps, from.tangentOps, to.tangentOps),
    hooks: patch(state.hooks, from.hooks, to.hooks),
    backward,
  };
}

export function bindingKey(scope: string, name: string): string {
  return `${scope}\u0000${name}`;
}

export function edgeKey(from: number, to: number, inputNr: number): string {
  return `${from}>${to}:${inputNr}`;
}

/** The grad_fn nodes in the order they appeared in the trace (their ids need not be). */
export function nodesInOrder(s: Pick<TraceState, "nodes">): NodeState[] {
  return [...s.nodes.values()].sort((a, b) => a.bornAt - b.bornAt || a.id - b.id);
}

/** The latest contribution summed into any of the node's input buffers, or undefined. */
export function latestSum(b: BackwardState, node: number): GradSum | undefined {
  let out: GradSum | undefined;
  for (const sum of b.sums.get(node) ?? []) if (sum && (!out || sum.step > out.step)) out = sum;
  return out;
}
