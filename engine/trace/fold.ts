// fold(state, event) -> state: the world after one more event. Pure; `applyEvent` is the
// in-place version the cursor uses on its own private copies.

import { plainValues, type NodeInfo, type TensorInfo, type TraceEvent, type Values } from "../events.ts";
import { IdMap } from "./idmap.ts";
import {
  bindingKey,
  cloneState,
  type BackwardState,
  type TensorState,
  type TraceState,
} from "./state.ts";
import { storageFromTensor, storageIndices, tensorValues } from "./values.ts";

export function fold(state: TraceState, event: TraceEvent): TraceState {
  const next = cloneState(state);
  applyEvent(next, event);
  return next;
}

/** Folds `event` into `s`, mutating its maps (never the entries inside them). */
export function applyEvent(s: TraceState, e: TraceEvent): void {
  const step = s.step + 1;
  const prev = s.lastEvent;
  s.step = step;
  s.lastEvent = e;
  if ("span" in e && e.span) s.span = e.span;

  switch (e.kind) {
    case "statement":
      s.statement = { span: e.span, text: e.text, index: (s.statement?.index ?? -1) + 1, step };
      // a finished backward stays on screen until the next statement starts
      if (s.backward?.finished) s.backward = null;
      break;
    case "tensor/created":
      addTensor(s, e.tensor, e.how, step);
      break;
    case "node/created":
      addNode(s, e.node, step);
      break;
    case "op/applied":
      if (e.node) addNode(s, e.node, step, e.tangentFormulaOf);
      addTensor(s, e.output, e.op, step);
      for (const extra of e.extraOutputs ?? []) addTensor(s, extra, e.op, step);
      break;
    case "tensor/mutated":
      applyMutation(s, e, step);
      break;
    case "optim/stepped":
      applyOptimStep(s, e, step);
      break;
    case "tensor/flags": {
      const before = s.tensors.get(e.tensor)?.requiresGrad;
      updateTensor(s, e.tensor, {
        requiresGrad: e.requiresGrad,
        isLeaf: e.isLeaf,
        gradFn: e.gradFn,
        retainsGrad: e.retainsGrad,
      });
      if (e.gradFn != null) addOutput(s, e.gradFn, e.tensor);
      if (before !== undefined && before !== e.requiresGrad) followBase(s, e.tensor);
      break;
    }
    case "attr/set":
      updateTensor(s, e.tensor, { grad: e.after });
      break;
    case "binding/set": {
      const key = bindingKey(e.scope, e.name);
      s.bindings.set(key, { name: e.name, scope: e.scope, value: e.value, setAt: step });
      break;
    }
    case "binding/deleted":
      s.bindings.delete(bindingKey(e.scope, e.name));
      break;
    case "frame/exited":
      for (const [key, b] of s.bindings) if (b.scope === e.scope) s.bindings.delete(key);
      break;
    case "object/created":
      s.objects.set(e.object, { id: e.object, cls: e.cls, attrs: e.attrs, module: e.module === true, bornAt: step, changedAt: step });
      break;
    case "object/attr": {
      const o = s.objects.get(e.object);
      if (!o) break;
      const attrs = o.attrs.filter((a) => a.name !== e.name || e.value !== null);
      const i = attrs.findIndex((a) => a.name === e.name);
      if (e.value !== null) {
        if (i >= 0) attrs[i] = { name: e.name, value: e.value };
        else attrs.push({ name: e.name, value: e.value });
      }
      s.objects.set(e.object, { ...o, attrs, changedAt: step });
      break;
    }
    case "backward/started":
      s.backward = newBackward(e);
      break;
    case "node/entered": {
      // the program's own backward runs next: the node is the one executing while its lines are stepped
      const b = s.backward;
      if (!b) break;
      b.executing = e.node;
      b.gradsIn.set(e.node, e.gradsIn);
      break;
    }
    case "node/executed": {
      const b = s.backward;
      if (!b) break;
      b.executing = e.node;
      if (!b.executed.has(e.node)) b.executed.set(e.node, b.executed.size);
      b.gradsIn.set(e.node, e.gradsIn);
      const node = s.nodes.get(e.node);
      const flights = (node?.next ?? []).map((edge, i) => {
        const grad = e.gradsOut[i];
        return !edge || grad == null ? null : { from: e.node, to: edge.node, inputNr: edge.inputNr, grad };
      });
      if (flights.some((f) => f)) b.edgeGrads.set(e.node, flights);
      break;
    }
    case "grad/summed": {
      const b = s.backward;
      if (!b) break;
      const sums = (b.sums.get(e.node) ?? []).slice();
      sums[e.inputNr] = { node: e.node, inputNr: e.inputNr, before: e.before, delta: e.delta, after: e.after, step };
      b.sums.set(e.node, sums);
      break;
    }
    case "grad/accumulated": {
      // an in-place add has already written the storage: its before values are in that write
      const wrote = e.how === "inplace" && prev?.kind === "tensor/mutated" && prev.tensor === e.after ? prev : null;
      const beforeValues = e.before == null ? null : wrote ? valuesIn(s, e.before, wrote.storageBefore) : tensorValues(s, e.before);
      updateTensor(s, e.leaf, { grad: e.after });
      s.backward?.accumulated.set(e.leaf, {
        leaf: e.leaf,
        node: e.node,
        before: e.before,
        delta: e.delta,
        after: e.after,
        how: e.how,
        beforeValues,
        afterValues: tensorValues(s, e.after),
        step,
      });
      break;
    }
    case "grad/captured":
      s.backward?.captured.push({ tensor: e.tensor, grad: e.grad });
      break;
    case "tangent/set": {
      updateTensor(s, e.tensor, { tangent: e.tangent });
      // an in-place op's new tangent (no inputs given) keeps the op that made the dual tensor
      const had = s.tangentOps.get(e.tensor);
      const keep = e.inputs == null && had && had.endedAt == null;
      s.tangentOps.set(e.tensor, { tensor: e.tensor, tangent: e.tangent, op: keep ? had.op : e.op, inputs: keep ? had.inputs : (e.inputs ?? []), setAt: step });
      break;
    }
    case "dual/level":
      if (e.entered) s.dualSince = step;
      else {
        // the level's tangents are gone: no tensor carries one any more (the ops that carried
        // them stay on record, ended, as the graph keeps what was)
        s.dualSince = null;
        for (const op of [...s.tangentOps.values()]) {
          if (op.endedAt != null) continue;
          const t = s.tensors.get(op.tensor);
          if (t) s.tensors.set(op.tensor, withoutTangent(t));
          s.tangentOps.set(op.tensor, { ...op, endedAt: step });
        }
      }
      break;
    case "saved/freed":
      for (const id of e.nodes) {
        const n = s.nodes.get(id);
        if (n) s.nodes.set(id, { ...n, saved: n.saved.map((sv) => ({ ...sv, freed: true })) });
      }
      break;
    case "graph/freed":
      for (const id of e.nodes) {
        const n = s.nodes.get(id);
        if (n) s.nodes.set(id, { ...n, freedAt: step });
      }
      // a dual tensor freed: the forward-mode op that made it fades as its graph does
      for (const id of e.tensors) {
        const op = s.tangentOps.get(id);
        if (op && op.freedAt == null) s.tangentOps.set(id, { ...op, freedAt: step });
      }
      break;
    case "backward/finished":
      if (s.backward && s.backward.id === e.id) {
        s.backward.finished = true;
        s.backward.executing = null;
        s.backward.results = e.results;
      }
      break;
    case "module/entered":
      s.moduleCalls.set(e.call, { call: e.call, parent: e.parent, path: e.path, module: e.module, enteredAt: step, exitedAt: null, outputs: [] });
      s.openModule = e.call;
      break;
    case "module/exited": {
      const c = s.moduleCalls.get(e.call);
      if (c) s.moduleCalls.set(e.call, { ...c, exitedAt: step, outputs: e.outputs });
      s.openModule = c?.parent ?? null;
      break;
    }
    case "params/named":
      for (const { tensor, name } of e.names) s.paramNames.set(tensor, name);
      break;
    case "hook/registered":
      s.hooks.set(e.hook, {
        id: e.hook,
        where: e.where,
        name: e.name,
        node: e.node,
        tensor: e.tensor,
        ...(e.module ? { module: e.module } : {}),
        registeredAt: step,
        lastCall: null,
        calls: 0,
      });
      break;
    case "hook/removed": {
      const h = s.hooks.get(e.hook);
      if (h) s.hooks.set(e.hook, { ...h, removedAt: step });
      break;
    }
    case "hook/called": {
      const h = s.hooks.get(e.hook);
      if (h) s.hooks.set(e.hook, { ...h, lastCall: { before: e.before, after: e.after, step }, calls: h.calls + 1 });
      break;
    }
    case "output/printed":
      s.console.push({ kind: e.stream, text: e.text, step });
      break;
    case "warning/raised":
      s.console.push({ kind: "warning", text: `${e.category}: ${e.message}`, line: e.span?.line, step });
      break;
    case "error/raised":
      s.error = { type: e.type, message: e.message, span: e.span, traceback: e.traceback, ...(e.blame ? { blame: e.blame } : {}), step };
      // Python prints the whole traceback; the type and message alone when there is none
      s.console.push({ kind: "error", text: e.traceback ?? `${e.type}: ${e.message}\n`, line: e.span?.line, step });
      break;
  }
}

function addTensor(s: TraceState, t: TensorInfo, how: string, step: number): void {
  if (t.storageValues) {
    s.storages.set(t.storage, { id: t.storage, values: plainValues(t.storageValues), writtenAt: -1 });
  } else if (!s.storages.has(t.storage)) {
    s.storages.set(t.storage, { id: t.storage, values: storageFromTensor(t, t.values), writtenAt: -1 });
  }
  const old = s.tensors.get(t.id);
  s.tensors.set(t.id, {
    id: t.id,
    storage: t.storage,
    shape: t.shape,
    strides: t.strides,
    offset: t.offset,
    dtype: t.dtype,
    requiresGrad: t.requiresGrad,
    isLeaf: t.isLeaf,
    gradFn: t.gradFn,
    outputNr: t.outputNr,
    version: t.version,
    ...(t.base != null ? { base: t.base } : {}),
    grad: old?.grad ?? null,
    retainsGrad: old?.retainsGrad ?? false,
    how: old?.how ?? how,
    bornAt: old?.bornAt ?? step,
    ...(old ? (old.module != null ? { module: old.module } : {}) : s.openModule != null ? { module: s.openModule } : {}),
  });
  if (t.base != null && old?.base !== t.base) s.viewsOf.set(t.base, [...(s.viewsOf.get(t.base) ?? []), t.id]);
  if (t.gradFn != null) {
    const n = s.nodes.get(t.gradFn);
    if (n && !n.outputs.includes(t.id)) s.nodes.set(n.id, { ...n, outputs: [...n.outputs, t.id] });
  }
}

function addNode(s: TraceState, n: NodeInfo, step: number, tangentFormulaOf?: string): void {
  const old = s.nodes.get(n.id);
  s.nodes.set(n.id, {
    id: n.id,
    name: n.name,
    sequenceNr: n.sequenceNr,
    next: n.next.map((edge) => (edge ? { node: edge.node, inputNr: edge.inputNr } : null)),
    saved: n.saved.map((sv) => ({ ...sv, freed: false })),
    order: n.order,
    variable: n.variable,
    outputs: old?.outputs ?? [],
    bornAt: old?.bornAt ?? step,
    ...(old ? (old.module != null ? { module: old.module } : {}) : s.openModule != null ? { module: s.openModule } : {}),
    ...((old?.tangentFormulaOf ?? tangentFormulaOf) != null ? { tangentFormulaOf: old?.tangentFormulaOf ?? tangentFormulaOf } : {}),
  });
}

function withoutTangent(t: TensorState): TensorState {
  const { tangent: _, ...rest } = t;
  return rest;
}

function updateTensor(s: TraceState, id: number, patch: Partial<TensorState>): void {
  const t = s.tensors.get(id);
  if (t) s.tensors.set(id, { ...t, ...patch });
}

function applyMutation(s: TraceState, e: Extract<TraceEvent, { kind: "tensor/mutated" }>, step: number): void {
  s.storages.set(e.storage, { id: e.storage, values: plainValues(e.storageAfter), writtenAt: step });
  if (e.node) addNode(s, e.node, step);
  // views share their base's version counter, so every alias shows the new version
  for (const id of new Set([e.tensor, ...e.aliases])) {
    const t = s.tensors.get(id);
    if (t && t.storage === e.storage) s.tensors.set(id, { ...t, version: e.versionAfter });
  }
  const target = s.tensors.get(e.tensor);
  if (target) s.tensors.set(e.tensor, { ...target, requiresGrad: e.requiresGradAfter, ...(e.geometry ? { shape: e.geometry.shape.slice(), strides: e.geometry.strides.slice() } : {}) });
  // the new grad_fn belongs to the tensor itself, or to its base when a view was modified (CopySlices)
  const owner = e.rebased ?? e.tensor;
  const t = s.tensors.get(owner);
  if (t && e.node) {
    s.tensors.set(owner, { ...t, gradFn: e.node.id, requiresGrad: true, isLeaf: false });
    addOutput(s, e.node.id, owner);
    if (!t.requiresGrad) followBase(s, owner);
  }
}

/** a parameter updated in place by optimizer.step(): its storage and version as tensor/mutated
 *  would change them, and the optimizer's state tensors as they are now */
function applyOptimStep(s: TraceState, e: Extract<TraceEvent, { kind: "optim/stepped" }>, step: number): void {
  s.storages.set(e.storage, { id: e.storage, values: plainValues(e.storageAfter), writtenAt: step });
  for (const id of new Set([e.param, ...e.aliases])) {
    const t = s.tensors.get(id);
    if (t && t.storage === e.storage) s.tensors.set(id, { ...t, version: e.versionAfter });
  }
  for (const entry of e.state) {
    addTensor(s, entry.tensor, entry.key, step);
    const st = s.storages.get(entry.tensor.storage);
    if (st) s.storages.set(st.id, { ...st, writtenAt: step });
  }
  const old = s.optimState.get(e.param);
  s.optimState.set(e.param, {
    param: e.param,
    optimizer: e.optimizer,
    lr: e.lr,
    state: e.state.map((entry) => ({ key: entry.key, tensor: entry.tensor.id })),
    steppedAt: step,
    firstAt: old?.firstAt ?? step,
    steps: (old?.steps ?? 0) + 1,
  });
}

function addOutput(s: TraceState, node: number, tensor: number): void {
  const n = s.nodes.get(node);
  if (n && !n.outputs.includes(tensor)) s.nodes.set(node, { ...n, outputs: [...n.outputs, tensor] });
}

/** views require grad when their base does: when a base's flag changes, its views' follow
 *  (a view with a grad_fn of its own requires grad either way) */
function followBase(s: TraceState, base: number): void {
  const b = s.tensors.get(base);
  if (!b) return;
  for (const id of s.viewsOf.get(base) ?? []) {
    const t = s.tensors.get(id);
    if (t && t.base === base && t.gradFn == null && t.requiresGrad !== b.requiresGrad)
      s.tensors.set(id, { ...t, requiresGrad: b.requiresGrad });
  }
}

function newBackward(e: Extract<TraceEvent, { kind: "backward/started" }>): BackwardState {
  return {
    id: e.id,
    mode: e.mode,
    roots: e.roots,
    seeds: e.seeds,
    implicitSeed: e.implicitSeed,
    retainGraph: e.retainGraph,
    createGraph: e.createGraph,
    inputs: e.inputs,
    executing: null,
    executed: new IdMap(),
    gradsIn: new IdMap(),
    edgeGrads: new IdMap(),
    sums: new IdMap(),
    accumulated: new IdMap(),
    captured: [],
    finished: false,
    results: null,
  };
}

/** A tensor's elements as they would read from `storage` (another version of its storage). */
function valuesIn(s: TraceState, id: number, storage: Values): number[] {
  const t = s.tensors.get(id);
  return t ? storageIndices(t.shape, t.strides, t.offset).map((i) => storage[i]) : [];
}
