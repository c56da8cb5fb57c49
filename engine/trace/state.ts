// The world at one step of a trace: what the fold builds and every view reads.
// Entries are treated as immutable (a change replaces the entry), so a state can be
// copied by copying its maps, which is what makes checkpoints cheap.

import type { BindingValue, ErrorBlame, GradMode, SavedInfo, Span, TensorInfo, TraceEvent } from "../events.ts";

/** A tensor as the fold keeps it: its TensorInfo less the values (they live in storages). */
export interface TensorState extends Omit<TensorInfo, "values" | "storageValues"> {
  /** id of the tensor in `.grad`, or null */
  grad: number | null;
  retainsGrad: boolean;
  /** the op or factory that made it ("tensor", "mul", "grad"...) */
  how: string;
  /** step at which it appeared */
  bornAt: number;
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
  executed: number[];
  /** gradient each executed node received, keyed by node id */
  gradsIn: Map<number, (number | null)[]>;
  /** every gradient sent along an edge so far, keyed by edgeKey(from, to, inputNr) */
  edgeGrads: Map<string, GradFlight>;
  /** contributions summed into a node's input buffer, keyed by `${node}:${inputNr}` */
  sums: Map<string, GradSum>;
  accumulated: Map<number, GradAccumulation>;
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
  tensors: Map<number, TensorState>;
  storages: Map<number, StorageState>;
  nodes: Map<number, NodeState>;
  /** keyed by `${scope}\u0000${name}`; insertion order is first-binding order, kept stable */
  bindings: Map<string, BindingState>;
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
    tensors: new Map(),
    storages: new Map(),
    nodes: new Map(),
    bindings: new Map(),
    console: [],
    backward: null,
    statement: null,
    span: null,
    error: null,
    lastEvent: null,
  };
}

/** A copy that can be folded into without touching the original (entries are shared). */
export function cloneState(s: TraceState): TraceState {
  return {
    ...s,
    tensors: new Map(s.tensors),
    storages: new Map(s.storages),
    nodes: new Map(s.nodes),
    bindings: new Map(s.bindings),
    console: s.console.slice(),
    backward: s.backward && cloneBackward(s.backward),
  };
}

function cloneBackward(b: BackwardState): BackwardState {
  return {
    ...b,
    executed: b.executed.slice(),
    gradsIn: new Map(b.gradsIn),
    edgeGrads: new Map(b.edgeGrads),
    sums: new Map(b.sums),
    accumulated: new Map(b.accumulated),
    captured: b.captured.slice(),
  };
}

export function bindingKey(scope: string, name: string): string {
  return `${scope}\u0000${name}`;
}

export function edgeKey(from: number, to: number, inputNr: number): string {
  return `${from}>${to}:${inputNr}`;
}
