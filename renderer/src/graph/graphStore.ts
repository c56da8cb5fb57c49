// The graph model kept from step to step: each node's view (with its edges) is remade only when
// something it read changed. Building a view goes through a recording reader (graphModel.ts's
// GraphReader), so the store knows which views read which node, tensor, storage, name or backward
// entry; a step then finds what changed by diffing the two states' IdMaps (which skips everything
// they share) and by the events that set the "now" flags, and remakes just those views. A step's
// work is bounded by what it changed, not by the size of the graph; `stats` counts it.

import { IdMap } from "../../../engine/trace/idmap.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import type { BackwardState, HookState } from "../../../engine/trace/state.ts";
import { latestSum, type StorageState, type TensorState, type TraceState } from "../../../engine/trace/state.ts";
import { tensorValues } from "../../../engine/trace/values.ts";
import { formatValues } from "../lib/format.ts";
import { gridOf } from "../lib/matrix.ts";
import { sameData } from "./intern.ts";
import { materialize, patchModel, placesOf, sortUnits, type ModelPlaces, type Unit } from "./unitLists.ts";
import { makeForwardUnit } from "./forwardNodes.ts";
import {
  FORWARD_ID_BASE,
  capturedAt,
  errorNodeOf,
  graphIdOf,
  hooksAt,
  makeNamedLeaf,
  makeNodeUnit,
  namesByTensor,
  seedOf,
  statusOf,
  type GraphEdgeView,
  type GraphModel,
  type GraphNodeView,
  type GraphReader,
} from "./graphModel.ts";

// what a view can depend on: dep key = id * KINDS + kind
const KINDS = 9;
const NODE = 0;
const TENSOR = 1;
const STORAGE = 2;
const NAMES = 3;
const BACKWARD = 4;
const ACCUMULATED = 5;
/** a node as an edge's source reads it: its name, variable and outputs (not its saved tensors) */
const NODE_LINK = 6;
/** autograd.grad's result at a graph id (can be negative: a leaf) */
const RESULT = 7;
/** the backward hooks at a graph id (can be negative: a leaf) */
const HOOKS = 8;

export interface GraphStoreStats {
  /** units (a node with its edges) remade at the last update */
  remade: number;
  /** units whose views changed at the last update */
  changed: number;
}

const EMPTY = new IdMap<never>();
const NO_HOOKS: HookState[] = [];

/** One unit (a node's view with the edges into it) before and after an update; null: absent. */
export interface UnitChange {
  before: { node: GraphNodeView | null; edges: readonly GraphEdgeView[] } | null;
  after: { node: GraphNodeView | null; edges: readonly GraphEdgeView[] } | null;
}

/** What an update changed: the model it came from and the units whose views changed. Whoever kept an
 *  index of `from` brings it to the new model by these alone (sceneIndex.ts), so its work is the
 *  step's own, not the graph's. */
export interface ModelDelta {
  from: GraphModel;
  units: readonly UnitChange[];
}

const deltas = new WeakMap<GraphModel, ModelDelta>();

/** How a model made by a graph store differs from the one the store made before it (undefined for
 *  any other model: an index then rebuilds). */
export function deltaOf(model: GraphModel): ModelDelta | undefined {
  return deltas.get(model);
}

export interface GraphStore {
  update(state: TraceState): GraphModel;
  readonly stats: GraphStoreStats;
}

/** buildGraph with a memory: the same model, remade per step from what the step changed. */
export function createGraphBuilder(): (state: TraceState) => GraphModel {
  const store = createGraphStore();
  return (state) => store.update(state);
}

export function createGraphStore(): GraphStore {
  const units = new Map<number, Unit>();
  /** dep key -> the units that read it (one unit as a number, several as a set: most have one or
   *  two, but a tensor that feeds every layer is read by thousands) */
  const dependents = new Map<number, number | Set<number>>();
  /** tensor id -> how many AccumulateGrad units stand for it */
  const accUnits = new Map<number, number>();
  let names = new Map<number, string[]>();
  const namedLeaves = new Set<number>();
  let errorNode: number | null = null;
  let blame: unknown = null;
  let captured = new Map<number, { tensor: number; grad: number }>();
  let hooks = new Map<number, HookState[]>();
  let last: TraceState | null = null;
  let model: GraphModel = { nodes: [], edges: [] };
  /** the units in order, kept between steps (a step appends to it, so re-sorting it is linear) */
  let sorted: Unit[] = [];
  let position = new Map<number, number>();
  /** where each node and each unit's edges sit in the model's lists (a step that only remakes units
   *  swaps their views in place: patchModel) */
  let places: ModelPlaces | null = null;
  /** whether the last update that changed the model only remade units */
  let swappedBefore = false;
  /** whether units came or went since the list was sorted; the units remade in place */
  let membership = false;
  const replaced = new Map<number, Unit>();
  // a tensor's value text, kept while its entry and its storage's entry are the same objects
  const texts = new Map<number, { t: TensorState; s: StorageState | undefined; text: string }>();
  const stats: GraphStoreStats = { remade: 0, changed: 0 };

  let state: TraceState;
  let deps: number[] = [];
  const dep = (id: number, kind: number) => deps.push(id * KINDS + kind);
  const reader: GraphReader = {
    get state() {
      return state;
    },
    node(id) {
      dep(id, NODE_LINK);
      return state.nodes.get(id);
    },
    tensor(id) {
      dep(id, TENSOR);
      return state.tensors.get(id);
    },
    values(id) {
      if (id == null) return null;
      const t = reader.tensor(id);
      if (!t) return null;
      dep(t.storage, STORAGE);
      const s = state.storages.get(t.storage);
      const have = texts.get(id);
      if (have && have.t === t && have.s === s) return have.text;
      const text = formatValues(tensorValues(state, id), t.dtype);
      texts.set(id, { t, s, text });
      return text;
    },
    grid(id) {
      if (id == null) return null;
      const t = reader.tensor(id);
      if (!t || t.shape.length !== 2) return null;
      dep(t.storage, STORAGE);
      return gridOf(tensorValues(state, id), t.shape, t.dtype);
    },
    names(id) {
      dep(id, NAMES);
      return names.get(id) ?? [];
    },
    status(id) {
      dep(id, BACKWARD);
      return statusOf(state.backward, id);
    },
    sum(id) {
      dep(id, BACKWARD);
      return state.backward ? latestSum(state.backward, id) : undefined;
    },
    flight(id, i) {
      dep(id, BACKWARD);
      return state.backward?.edgeGrads.get(id)?.[i] ?? null;
    },
    seed(id) {
      dep(id, BACKWARD);
      return seedOf(state, id, (t) => reader.values(t));
    },
    blame(id) {
      dep(id, BACKWARD);
      return errorNode === id ? (state.error?.blame ?? null) : null;
    },
    captured(gid) {
      dep(gid, RESULT);
      return captured.get(gid);
    },
    accumulation(id) {
      dep(id, ACCUMULATED);
      return state.backward?.accumulated.get(id);
    },
    hooks(gid) {
      dep(gid, HOOKS);
      return hooks.get(gid) ?? NO_HOOKS;
    },
    // a view reads a tensor's tangent op only after reading the tensor itself, so a change to
    // the op is announced as a change to the tensor (no dependency kind of its own: graphs without
    // tangents keep no more dependencies than before)
    tangentOp(id) {
      return state.tangentOps.get(id);
    },
  };

  const unlink = (u: Unit) => {
    for (const d of u.deps) {
      const have = dependents.get(d);
      if (have === u.key) dependents.delete(d);
      else if (typeof have === "object") have.delete(u.key);
    }
  };
  const link = (u: Unit) => {
    for (const d of u.deps) {
      const have = dependents.get(d);
      if (have === undefined) dependents.set(d, u.key);
      else if (typeof have === "object") have.add(u.key);
      else if (have !== u.key) dependents.set(d, new Set([have, u.key]));
    }
  };
  const countAcc = (leaf: number | null, by: number) => {
    if (leaf != null) accUnits.set(leaf, (accUnits.get(leaf) ?? 0) + by);
  };

  /** the units whose views changed at this update */
  let changes: UnitChange[] = [];
  /** Remakes one unit from the state; returns whether anything it shows changed. */
  const remake = (key: number): boolean => {
    const old = units.get(key);
    const changed = remakeUnit(key, old);
    if (changed) {
      const now = units.get(key);
      changes.push({ before: old ? { node: old.node, edges: old.edges } : null, after: now ? { node: now.node, edges: now.edges } : null });
    }
    return changed;
  };
  const remakeUnit = (key: number, old: Unit | undefined): boolean => {
    stats.remade++;
    deps = [];
    let made: { node: GraphNodeView | null; edges: GraphEdgeView[] } | null = null;
    let order: [number, number] = [0, 0];
    let leafOf: number | null = null;
    if (key >= FORWARD_ID_BASE) {
      const op = state.tangentOps.get(key - FORWARD_ID_BASE);
      if (op) {
        made = makeForwardUnit(reader, op);
        order = [op.setAt, key];
      }
    } else if (key >= 0) {
      const n = state.nodes.get(key);
      if (n) {
        dep(key, NODE);
        made = makeNodeUnit(reader, n);
        order = [n.bornAt, n.id];
        const gid = graphIdOf(n);
        if (gid < 0) leafOf = -gid;
      }
    } else {
      const id = -key - 1;
      const leaf = makeNamedLeaf(reader, id, (accUnits.get(id) ?? 0) > 0);
      if (leaf) made = { node: leaf, edges: [] };
      order = [Infinity, 0];
    }
    if (old) {
      unlink(old);
      countAcc(old.leafOf, -1);
    }
    if (key < 0) {
      if (made) namedLeaves.add(-key - 1);
      else namedLeaves.delete(-key - 1);
    }
    if (!made) {
      units.delete(key);
      if (old) membership = true;
      return old != null;
    }
    const node = old?.node && made.node && sameData(old.node, made.node) ? old.node : made.node;
    const edges = made.edges.map((e, i) => (old?.edges[i] && sameData(old.edges[i], e) ? old.edges[i] : e));
    const unit: Unit = { key, node, edges, deps, leafOf, order };
    units.set(key, unit);
    if (!old || old.order[0] !== order[0] || old.order[1] !== order[1]) membership = true;
    else replaced.set(key, unit);
    link(unit);
    countAcc(leafOf, 1);
    return !old || old.node !== node || old.edges.length !== edges.length || edges.some((e, i) => e !== old.edges[i]);
  };

  return {
    stats,
    update(next) {
      stats.remade = 0;
      stats.changed = 0;
      if (next === last) return model;
      const prev = last;
      state = next;
      const dirty = new Set<number>();
      const touch = (id: number, kind: number) => {
        const have = dependents.get(id * KINDS + kind);
        if (typeof have === "number") dirty.add(have);
        else if (have) for (const u of have) dirty.add(u);
      };
      // nodes that appeared, went or changed: their own units, and the units reading them
      IdMap.diff(prev?.nodes ?? EMPTY, next.nodes, (id, a, b) => {
        dirty.add(id);
        touch(id, NODE);
        if (!a || !b || a.name !== b.name || a.variable !== b.variable || a.outputs.join() !== b.outputs.join()) touch(id, NODE_LINK);
      });
      IdMap.diff(prev?.tensors ?? EMPTY, next.tensors, (id) => touch(id, TENSOR));
      IdMap.diff(prev?.storages ?? EMPTY, next.storages, (id) => touch(id, STORAGE));
      // forward AD: a tensor's tangent op came, changed, ended or was freed: its forward unit, and the views reading it
      IdMap.diff(prev?.tangentOps ?? EMPTY, next.tangentOps, (id) => {
        dirty.add(FORWARD_ID_BASE + id);
        touch(id, TENSOR);
      });
      diffBackward(prev?.backward ?? null, next.backward, prev, next, touch);
      // the "now" flags and v0→v1 badges follow the last event: undo the previous one's, show this one's
      for (const e of [prev?.lastEvent, next.lastEvent]) if (e) nowTouches(e, touch, next);
      const nextError = errorNodeOf(next);
      const nextBlame = next.error?.blame ?? null;
      if (nextError !== errorNode || nextBlame !== blame) {
        if (errorNode != null) touch(errorNode, BACKWARD);
        if (nextError != null) touch(nextError, BACKWARD);
        errorNode = nextError;
        blame = nextBlame;
      }
      // autograd.grad's results are few: recomputed, compared per graph id (the "now" flag follows the last event)
      const nextCaptured = capturedAt(next);
      const nowGrads = [prev?.lastEvent, next.lastEvent].flatMap((e) => (e?.kind === "grad/captured" ? [e.grad] : []));
      for (const gid of new Set([...captured.keys(), ...nextCaptured.keys()])) {
        const a = captured.get(gid);
        const b = nextCaptured.get(gid);
        if (a?.tensor !== b?.tensor || a?.grad !== b?.grad || nowGrads.includes(a?.grad as number) || nowGrads.includes(b?.grad as number)) touch(gid, RESULT);
      }
      captured = nextCaptured;
      // hooks are few too: per graph id, compared entry by entry (a call replaces its entry; its
      // "now" flag follows the last event)
      const nextHooks = hooksAt(next);
      const nowHooks = [prev?.lastEvent, next.lastEvent].flatMap((e) => (e?.kind === "hook/called" ? [e.hook] : []));
      for (const gid of new Set([...hooks.keys(), ...nextHooks.keys()])) {
        const a = hooks.get(gid) ?? NO_HOOKS;
        const b = nextHooks.get(gid) ?? NO_HOOKS;
        if (a.length !== b.length || a.some((h, i) => h !== b[i]) || b.some((h) => nowHooks.includes(h.id)) || a.some((h) => nowHooks.includes(h.id))) touch(gid, HOOKS);
      }
      hooks = nextHooks;
      // names are few (one per binding): recomputed, compared per tensor
      const nextNames = namesByTensor(next);
      for (const id of new Set([...names.keys(), ...nextNames.keys()]))
        if ((names.get(id) ?? []).join("\u0000") !== (nextNames.get(id) ?? []).join("\u0000")) touch(id, NAMES);
      names = nextNames;
      last = next;

      // nodes first (named leaves read which tensors have an AccumulateGrad node)
      let changed = false;
      changes = [];
      for (const key of dirty) {
        if (key < 0) continue;
        if (remake(key)) {
          changed = true;
          stats.changed++;
        }
      }
      for (const id of new Set([...namedLeaves, ...names.keys()])) {
        const key = -id - 1;
        if (!dirty.has(key) && namedLeaves.has(id) === wouldBeNamedLeaf(next, id, names, accUnits)) continue;
        if (remake(key)) {
          changed = true;
          stats.changed++;
        }
      }
      if (changed) {
        const from = model;
        let patched: GraphModel | null = null;
        if (membership) {
          sorted = sortUnits(units, sorted);
          position = new Map(sorted.map((u, i) => [u.key, i]));
          swappedBefore = false;
        } else {
          const swaps: [Unit, Unit][] = [];
          for (const [key, u] of replaced) {
            const at = position.get(key) as number;
            swaps.push([sorted[at], u]);
            sorted[at] = u;
          }
          // the places cost a walk: made on the second such step in a row (a backward), not for a
          // forward's binding steps between its ops
          if (!places && swappedBefore) places = placesOf(model, sorted);
          patched = places && patchModel(model, swaps, places);
          swappedBefore = true;
        }
        if (patched) model = patched;
        else {
          model = materialize(sorted, model);
          places = null;
        }
        deltas.set(model, { from, units: changes });
      }
      changes = [];
      membership = false;
      replaced.clear();
      return model;
    },
  };
}

function wouldBeNamedLeaf(state: TraceState, id: number, names: Map<number, string[]>, accUnits: Map<number, number>): boolean {
  const t = state.tensors.get(id);
  const ns = names.get(id) ?? [];
  return !!t && t.isLeaf && t.requiresGrad && (accUnits.get(id) ?? 0) === 0 && ns.some((s) => !s.includes("."));
}

/** The ids an event's "now" flags are about: a version bump, a gradient sent, summed or accumulated, a graph freed. */
function nowTouches(e: TraceEvent, touch: (id: number, kind: number) => void, state: TraceState): void {
  if (e.kind === "tensor/mutated") for (const id of [e.tensor, ...e.aliases]) touch(id, TENSOR);
  else if (e.kind === "optim/stepped") for (const id of [e.param, ...e.aliases]) touch(id, TENSOR);
  else if (e.kind === "node/executed" || e.kind === "grad/summed") touch(e.node, BACKWARD);
  else if (e.kind === "grad/accumulated") touch(e.leaf, ACCUMULATED);
  else if (e.kind === "graph/freed") {
    for (const id of e.nodes) touch(id, NODE);
    for (const id of e.tensors) if (state.tangentOps.has(id)) touch(id, TENSOR);
  }
  else if (e.kind === "tangent/set") touch(e.tensor, TENSOR);
}

function diffBackward(a: BackwardState | null, b: BackwardState | null, prev: TraceState | null, next: TraceState, touch: (id: number, kind: number) => void): void {
  if (!a && !b) return;
  const node = (id: number) => touch(id, BACKWARD);
  IdMap.diff(a?.executed ?? EMPTY, b?.executed ?? EMPTY, node);
  IdMap.diff(a?.sums ?? EMPTY, b?.sums ?? EMPTY, node);
  IdMap.diff(a?.edgeGrads ?? EMPTY, b?.edgeGrads ?? EMPTY, node);
  IdMap.diff(a?.accumulated ?? EMPTY, b?.accumulated ?? EMPTY, (id) => touch(id, ACCUMULATED));
  if (a?.executing !== b?.executing) {
    if (a?.executing != null) node(a.executing);
    if (b?.executing != null) node(b.executing);
  }
  // seeds sit on the roots' nodes
  if (a?.id !== b?.id || a?.roots !== b?.roots) {
    for (const r of a?.roots ?? []) {
      const g = prev?.tensors.get(r)?.gradFn ?? next.tensors.get(r)?.gradFn;
      if (g != null) node(g);
    }
    for (const r of b?.roots ?? []) {
      const g = next.tensors.get(r)?.gradFn;
      if (g != null) node(g);
    }
  }
}
