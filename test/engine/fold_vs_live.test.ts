// The event stream is enough to rebuild the world: for every conformance case, after every
// event, the fold of events 0..k holds the same tensors (values, version, flags, grad_fn,
// .grad), storages and grad_fn nodes (edges, saved tensors and whether they are freed) as
// the live engine at that moment; and as each statement starts, every list, dict and set a
// Python name holds reads in the fold as the program's own value does then (changed in place or
// not); and every tensor's tangent is the one forward AD gives it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Runtime, type Tensor, type GradNode, type TraceEvent } from "../../engine/index.ts";
import { runPython } from "../../engine/python/run.ts";
import { applyEvent } from "../../engine/trace/fold.ts";
import { bindingKey, emptyState, type TraceState } from "../../engine/trace/state.ts";
import { describeBinding } from "../../engine/python/run.ts";
import { valueText } from "../../engine/python/narration.ts";
import type { Frame } from "../../engine/python/scope.ts";
import { PyDict, PyList, PySet } from "../../engine/python/values.ts";
import { tensorValues } from "../../engine/trace/values.ts";
import { conformanceCases } from "../conformance/folders.ts";

const cases = conformanceCases();

const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

function compare(state: TraceState, rt: Runtime, event: TraceEvent): string | null {
  const tracked = rt.tracked!;
  for (const [id, ft] of state.tensors) {
    const t = tracked.tensors.get(id) as Tensor | undefined;
    if (!t) return `tensor ${id} is in the fold but was never made`;
    const where = `tensor ${id} after ${event.kind}`;
    if (ft.shape.join() !== t.shape.join()) return `${where}: shape ${ft.shape} vs ${t.shape}`;
    if (ft.dtype !== t.dtype) return `${where}: dtype`;
    if (ft.version !== t.version) return `${where}: version ${ft.version} vs ${t.version}`;
    if (ft.requiresGrad !== t.requiresGrad) return `${where}: requiresGrad ${ft.requiresGrad} vs ${t.requiresGrad}`;
    // the grad_fn as last set: reading t.gradFn would regenerate a stale view's (and narrate it)
    const gradFn = t.rawGradFn;
    if (ft.isLeaf !== (gradFn === null)) return `${where}: isLeaf`;
    if (ft.gradFn !== (gradFn?.id ?? null)) return `${where}: grad_fn ${ft.gradFn} vs ${gradFn?.id}`;
    if (ft.grad !== (t.grad?.id ?? null)) return `${where}: .grad ${ft.grad} vs ${t.grad?.id ?? null}`;
    // forward AD: the tangent it carries at the dual level in force (none outside one)
    const fw = t.fw && rt.dualLevel >= 0 && t.fw.epoch === rt.dualEpoch ? t.fw.tangent.id : null;
    if ((ft.tangent ?? null) !== fw) return `${where}: tangent ${ft.tangent} vs ${fw}`;
    const fv = tensorValues(state, id);
    const lv = t.values();
    if (fv.length !== lv.length || fv.some((v, i) => !same(v, lv[i]))) return `${where}: values ${fv} vs ${lv}`;
  }
  for (const [id, fn] of state.nodes) {
    const n = tracked.nodes.get(id) as GradNode | undefined;
    if (!n) return `node ${id} is in the fold but was never made`;
    const where = `node ${id} (${n.name}) after ${event.kind}`;
    if (fn.name !== n.name) return `${where}: name ${fn.name}`;
    const edges = n.next.map((e) => (e ? `${e.node.id}:${e.inputNr}` : "-")).join();
    const fedges = fn.next.map((e) => (e ? `${e.node}:${e.inputNr}` : "-")).join();
    if (edges !== fedges) return `${where}: edges ${fedges} vs ${edges}`;
    if (fn.saved.length !== n.saved.length) return `${where}: saved count`;
    for (let i = 0; i < n.saved.length; i++) {
      if (fn.saved[i].freed !== n.saved[i].released) return `${where}: saved ${n.saved[i].slot} freed ${fn.saved[i].freed}`;
      if (!state.tensors.has(fn.saved[i].tensor)) return `${where}: saved ${n.saved[i].slot} is an unknown tensor`;
    }
  }
  // every tensor a Python name points at, and every .grad of a known tensor, is known to the fold
  for (const [, b] of state.bindings)
    if (b.value.type === "tensor" && !state.tensors.has(b.value.id)) return `binding ${b.name} -> unknown tensor`;
  for (const [id] of state.tensors) {
    const g = (tracked.tensors.get(id) as Tensor).grad;
    if (g && !state.tensors.has(g.id)) return `.grad of tensor ${id} (tensor ${g.id}) is not in the fold`;
  }
  // the hooks registered now: those on live nodes and leaves, and the fold's not yet removed
  const live = new Set<number>();
  for (const n of tracked.nodes.values() as Iterable<GradNode>) {
    if (!n.hooks) continue;
    for (const list of n.hooks.tensor.values()) for (const h of list) live.add(h.id);
    for (const h of [...n.hooks.pre, ...n.hooks.post]) live.add(h.id);
  }
  for (const t of tracked.tensors.values() as Iterable<Tensor>) for (const h of t.postAccumulateHooks ?? []) live.add(h.id);
  const folded = [...state.hooks.values()].filter((h) => h.removedAt == null).map((h) => h.id);
  if (folded.length !== live.size || folded.some((id) => !live.has(id))) return `hooks after ${event.kind}: fold ${folded} vs live ${[...live]}`;
  return null;
}

/** the text the fold holds for each name bound to a list, dict or set, against the live value's */
function compareContainers(state: TraceState, frames: readonly Frame[], shared: Set<string>): string | null {
  // a recursive function's calls (generators too) share one drawn frame, whose names are whichever
  // call bound them last: those scopes are left out
  const scopes = new Set<string>();
  for (const f of frames) {
    if (scopes.has(f.scope)) shared.add(f.scope);
    scopes.add(f.scope);
  }
  for (const f of frames) {
    if (shared.has(f.scope)) continue;
    for (const [name, v] of f.locals) {
      if (!(v instanceof PyList || v instanceof PyDict || v instanceof PySet)) continue;
      const b = state.bindings.get(bindingKey(f.scope, name));
      if (!b || (b.value.type !== "value" && b.value.type !== "tensors")) continue;
      const live = describeBinding(v);
      const text = live?.type === "tensors" ? live.repr : valueText(v);
      // a dual tensor prints its tangent only inside its dual level: a container of them reads
      // differently once the level exits, with nothing changed in place to narrate (a gap the
      // memory view keeps: it shows the text from when the container was last narrated)
      if (b.value.repr.includes("tangent=") || text.includes("tangent=")) continue;
      if (b.value.repr !== text) return `${f.scope}.${name} reads ${b.value.repr} in the fold, ${text} in the program`;
    }
  }
  return null;
}

describe("folding the events rebuilds the live engine at every step", () => {
  for (const { id: name, path } of cases) {
    it(name, () => {
      const source = readFileSync(path, "utf8");
      const state = emptyState();
      let rt: Runtime | null = null;
      let problem: string | null = null;
      let events = 0;
      const sink = (e: TraceEvent) => {
        events++;
        applyEvent(state, e);
        if (!problem) problem = compare(state, rt!, e);
      };
      rt = new Runtime({ sink, track: true });
      const shared = new Set<string>();
      const onStatement = (frames: readonly Frame[]) => {
        if (!problem) problem = compareContainers(state, frames, shared);
      };
      runPython(source, { runtime: rt, sink, filename: name, onStdout: () => {}, onStderr: () => {}, onStatement });
      expect(problem).toBeNull();
      expect(events).toBeGreaterThan(0);
    });
  }
});
