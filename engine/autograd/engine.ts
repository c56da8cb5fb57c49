// The backward engine: PyTorch's execution order (a ready queue by sequence number, with
// AccumulateGrad first), gradients summed where paths meet, saved tensors freed unless
// retain_graph, captured grads for autograd.grad, and every step narrated as an event.
import { isFloating } from "../dtype.ts";
import { ENGINE_CALL, TORCH_FRAMES, checkNan, reportAnomaly } from "./anomaly.ts";
import { runtimeError, TorchError } from "../errors.ts";
import type { Runtime } from "../runtime.ts";
import type { Tensor } from "../tensor.ts";
import { sizeRepr } from "../format/index.ts";
import { add } from "../ops/arith.ts";
import { onesLike } from "../ops/create.ts";
import { reshape } from "../ops/views.ts";
import { sumTo } from "../ops/reduce.ts";
import { castTo, retainGrad } from "../ops/inplace.ts";
import { accumulate, retainInto, withVersion } from "./accumulate.ts";
import { GradVersions } from "./grad_versions.ts";
import { gradientEdge } from "./record.ts";
import { runAccumulatedHooks, runPostHooks, runPreHooks, runTensorHooks } from "./hooks.ts";
import type { Edge, GradNode } from "./node.ts";

export const CREATE_GRAPH_WARNING =
  "Using backward() with create_graph=True will create a reference cycle between the parameter and its gradient " +
  "which can cause a memory leak. We recommend using autograd.grad when creating the graph to avoid this. If you " +
  "have to use this function, make sure to reset the .grad fields of your parameters to None after use to break " +
  "the cycle and avoid the leak. (Triggered internally at ./torch/csrc/autograd/engine.cpp:1260.)";

export interface RunOptions {
  mode: "backward" | "grad";
  outputs: Tensor[];
  gradOutputs: (Tensor | null)[];
  retainGraph: boolean;
  createGraph: boolean;
  /** autograd.grad's inputs, or backward(inputs=...): tensors, or gradient edges
   *  (torch.autograd.graph.GradientEdge: a node and which of its outputs) */
  inputs: GradInput[] | null;
  allowUnused?: boolean;
  /** how Python called it (torch's frames under the call differ): x.backward(), torch.autograd.backward() */
  entry?: "tensor" | "function";
}

export type GradInput = Tensor | Edge;
const isEdge = (i: GradInput): i is Edge => "inputNr" in i;
/** the tensor id events name for an input: a leaf's edge names the leaf, another edge -1 */
const inputId = (i: GradInput): number => (isEdge(i) ? (i.node.variable?.id ?? -1) : i.id);

class ReadyQueue {
  private heap: GradNode[] = [];
  push(n: GradNode): void {
    const h = this.heap;
    h.push(n);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p].sequenceNr >= h[i].sequenceNr) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  pop(): GradNode | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].sequenceNr > h[m].sequenceNr) m = l;
        if (r < h.length && h[r].sequenceNr > h[m].sequenceNr) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}

function makeSeeds(rt: Runtime, opts: RunOptions): { seeds: Tensor[]; implicit: boolean } {
  let implicit = false;
  const seeds = opts.outputs.map((out, i) => {
    const g = opts.gradOutputs[i] ?? null;
    if (g === null) {
      if (out.numel !== 1) throw runtimeError("grad can be implicitly created only for scalar outputs");
      implicit = true;
      return rt.withGradMode(false, () => onesLike(out));
    }
    if (g.shape.join() !== out.shape.join())
      throw runtimeError(
        `Mismatch in shape: grad_output[${i}] has a shape of ${sizeRepr(g.shape)} and output[${i}] has a shape of ${sizeRepr(out.shape)}.`,
      );
    return g;
  });
  return { seeds, implicit };
}

/** nodes from which an input's edge can be reached: PyTorch's exec_info "needed" */
function neededNodes(roots: Edge[], targets: Set<GradNode>): Set<GradNode> {
  const needed = new Set<GradNode>();
  const memo = new Map<GradNode, boolean>();
  const visit = (n: GradNode): boolean => {
    const known = memo.get(n);
    if (known !== undefined) return known;
    memo.set(n, false);
    let hit = false;
    // a target's own inputs may hold targets too (autograd.grad(z, [x, y]) with y = f(x))
    for (const e of n.next) if (e && (visit(e.node) || targets.has(e.node))) hit = true;
    memo.set(n, hit);
    if (hit) needed.add(n);
    return hit;
  };
  for (const r of roots) visit(r.node);
  return needed;
}

export function runBackward(rt: Runtime, opts: RunOptions): (Tensor | null)[] | null {
  opts.outputs.forEach((t, i) => {
    if (!t.requiresGrad) throw runtimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
  });
  if (opts.mode === "grad")
    for (const t of opts.inputs ?? [])
      if (!isEdge(t) && !t.requiresGrad) throw runtimeError("One of the differentiated Tensors does not require grad");
  // backward(inputs=...) calls retain_grad() on each input first: a non-leaf keeps retaining
  // its grad after this backward, and its hook is what fills .grad now
  if (opts.mode === "backward") for (const t of opts.inputs ?? []) if (!isEdge(t)) retainGrad(t);
  const { seeds, implicit } = makeSeeds(rt, opts);
  if (opts.mode === "backward" && opts.createGraph) rt.warn("UserWarning", CREATE_GRAPH_WARNING, ENGINE_CALL);
  const id = rt.newBackwardId();
  // a tensor can require grad and still have no edge (a view made under no_grad of one that does)
  const roots = opts.outputs.map((t, i) => {
    const edge = gradientEdge(t);
    if (!edge) throw runtimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
    return edge;
  });
  rt.emit({
    kind: "backward/started",
    id,
    mode: opts.mode,
    roots: opts.outputs.map((t) => t.id),
    seeds: seeds.map((s) => s.id),
    implicitSeed: implicit,
    retainGraph: opts.retainGraph,
    createGraph: opts.createGraph,
    inputs: opts.inputs ? opts.inputs.map(inputId) : null,
    span: rt.span,
  });

  // where each input's gradient is captured: its grad_fn (non-leaf) or AccumulateGrad (leaf)
  const inputEdges = (opts.inputs ?? []).map((t) => (isEdge(t) ? t : gradientEdge(t)));
  const captureAt = new Map<GradNode, { inputNr: number; index: number }[]>();
  inputEdges.forEach((e, index) => {
    if (!e) return; // never reached: its gradient stays None
    const list = captureAt.get(e.node) ?? [];
    list.push({ inputNr: e.inputNr, index });
    captureAt.set(e.node, list);
  });
  const restricted = opts.inputs !== null;
  const needed = restricted ? neededNodes(roots, new Set(captureAt.keys())) : null;
  const accumulateOnly = opts.mode === "backward" && restricted ? new Set(inputEdges.flatMap((e) => (e ? [e.node] : []))) : null;
  const shouldExecute = (n: GradNode): boolean =>
    needed === null || needed.has(n) || (opts.mode === "backward" && accumulateOnly!.has(n));
  const shouldVisit = (n: GradNode): boolean => shouldExecute(n) || captureAt.has(n);

  // dependencies: how many edges from reachable nodes point at each node
  const deps = new Map<GradNode, number>();
  const seen = new Set<GradNode>();
  const stack = roots.map((r) => r.node);
  for (const n of stack) seen.add(n);
  while (stack.length) {
    const n = stack.pop()!;
    for (const e of n.next) {
      if (!e) continue;
      deps.set(e.node, (deps.get(e.node) ?? 0) + 1);
      if (!seen.has(e.node)) {
        seen.add(e.node);
        stack.push(e.node);
      }
    }
  }

  const buffers = new Map<GradNode, (Tensor | null)[]>();
  // the version counters PyTorch's engine would leave on the gradients it hands out
  const versions = new GradVersions(seeds);
  const captured: (Tensor | null)[] = (opts.inputs ?? []).map(() => null);
  const queue = new ReadyQueue();
  const addToBuffer = (e: Edge, g: Tensor): void => {
    let buf = buffers.get(e.node);
    if (!buf) {
      buf = [];
      buffers.set(e.node, buf);
    }
    const old = buf[e.inputNr] ?? null;
    if (old === null) buf[e.inputNr] = g;
    else {
      const sum = rt.withGradMode(opts.createGraph, () => add(old, g));
      versions.release(g);
      versions.summed(old, g, sum, opts.createGraph);
      versions.release(old);
      versions.hold(sum);
      buf[e.inputNr] = sum;
      if (rt.sink)
        rt.emit({ kind: "grad/summed", backward: id, node: e.node.id, inputNr: e.inputNr, before: old.id, delta: g.id, after: sum.id });
    }
  };

  const prevOrder = rt.derivativeOrder;
  const prevMode = rt.gradEnabled;
  const prevEvaluating = rt.evaluating;
  const prevFrames = rt.backwardFrames;
  const prevTask = rt.graphTask;
  rt.graphTask = {
    id,
    inGraph: seen,
    executes: needed === null ? null : (n) => shouldExecute(n as GradNode) || captureAt.has(n as GradNode),
    captures: (n) => opts.mode === "grad" && captureAt.has(n as GradNode),
  };
  rt.backwardFrames = TORCH_FRAMES[opts.mode === "grad" ? "grad" : (opts.entry ?? "tensor")];
  rt.gradEnabled = opts.createGraph;
  if (opts.createGraph) rt.derivativeOrder = prevOrder + 1;
  // the node being evaluated, for anomaly mode's report of an error in its backward
  let current: GradNode | null = null;
  try {
    roots.forEach((r, i) => {
      if (!shouldVisit(r.node)) return;
      versions.hold(seeds[i]);
      addToBuffer(r, seeds[i]);
    });
    const pushed = new Set<GradNode>();
    for (const r of roots)
      if ((deps.get(r.node) ?? 0) === 0 && !pushed.has(r.node) && buffers.has(r.node)) {
        pushed.add(r.node);
        queue.push(r.node);
      }
    for (let node = queue.pop(); node; node = queue.pop()) {
      let gradsIn = buffers.get(node) ?? [];
      buffers.delete(node);
      for (const g of gradsIn) if (g) versions.release(g);
      if (node.hooks) runTensorHooks(node, gradsIn, id);
      for (const c of captureAt.get(node) ?? []) {
        const g = gradsIn[c.inputNr] ?? null;
        if (opts.mode === "grad") {
          captured[c.index] = g && !opts.createGraph ? withVersion(g, versions.of(g)) : g;
          if (g) rt.emit({ kind: "grad/captured", backward: id, tensor: inputId(opts.inputs![c.index]), grad: captured[c.index]!.id });
        }
      }
      if (!shouldExecute(node)) continue;
      current = node;
      if (rt.anomalyEnabled) rt.evaluating = node.anomaly ?? { name: node.pyName(), stack: null, parent: null };
      if (opts.createGraph) rt.derivativeOrder = node.order + 1;
      if (node.retained) for (const [nr, t] of node.retained) if (gradsIn[nr]) retainInto(t, gradsIn[nr]!, opts.createGraph, id);
      if (node.hooks?.pre.length) gradsIn = runPreHooks(node, gradsIn, id);
      let gradsOut: (Tensor | null)[];
      if (node.variable) {
        if (opts.mode === "backward" && gradsIn[0]) {
          accumulate(node, gradsIn[0], opts.createGraph, id, versions);
          if (node.variable.postAccumulateHooks) runAccumulatedHooks(node, node.variable, id);
        }
        gradsOut = [];
      } else {
        try {
          node.wanted = needed === null ? null : node.next.map((e) => e !== null && shouldVisit(e.node));
          try {
            const runs = gradsIn.some((g) => g);
            if (runs && node.userBackward && rt.sink)
              rt.emit({ kind: "node/entered", backward: id, node: node.id, name: node.name, gradsIn: gradsIn.map((g) => g?.id ?? null) });
            gradsOut = runs ? node.backward(gradsIn, node) : node.next.map(() => null);
          } finally {
            node.wanted = null;
          }
          for (let k = 0; k < gradsOut.length; k++) {
            const g = gradsOut[k];
            const e = node.next[k];
            if (g && e) gradsOut[k] = validate(g, e, node, k);
          }
        } catch (e) {
          // the view outlines the node whose backward failed (a saved tensor's error names it already)
          if (e instanceof TorchError && !e.blame) e.blame = { node: node.id };
          throw e;
        }
      }
      if (node.hooks?.post.length) gradsOut = runPostHooks(node, gradsIn, gradsOut, id);
      if (rt.sink)
        rt.emit({
          kind: "node/executed",
          backward: id,
          node: node.id,
          name: node.name,
          gradsIn: gradsIn.map((g) => g?.id ?? null),
          gradsOut: node.next.map((_, k) => gradsOut[k]?.id ?? null),
        });
      if (!opts.retainGraph && !node.variable) {
        const hadSaved = node.saved.some((s) => !s.released);
        node.release();
        if (hadSaved) rt.emit({ kind: "saved/freed", backward: id, nodes: [node.id] });
      }
      // every output waiting to be delivered holds its gradient (AddBackward0 hands one to both inputs)
      for (let k = 0; k < node.next.length; k++) if (gradsOut[k] && node.next[k] && shouldVisit(node.next[k]!.node)) versions.hold(gradsOut[k]!);
      checkNan(rt, node.pyName(), gradsOut);
      current = null;
      for (let k = 0; k < node.next.length; k++) {
        const e = node.next[k];
        if (!e) continue;
        const g = gradsOut[k] ?? null;
        const left = (deps.get(e.node) ?? 1) - 1;
        deps.set(e.node, left);
        if (g && shouldVisit(e.node)) addToBuffer(e, g);
        if (left === 0 && buffers.has(e.node)) queue.push(e.node);
      }
    }
  } catch (e) {
    if (rt.anomalyEnabled && current) reportAnomaly(rt, current.anomaly ?? { name: current.pyName(), stack: null, parent: null });
    throw e;
  } finally {
    rt.gradEnabled = prevMode;
    rt.derivativeOrder = prevOrder;
    rt.evaluating = prevEvaluating;
    rt.backwardFrames = prevFrames;
    rt.graphTask = prevTask;
  }
  if (opts.mode === "grad" && !opts.allowUnused && captured.includes(null))
    throw runtimeError(
      "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.",
    );
  rt.emit({ kind: "backward/finished", id, results: opts.mode === "grad" ? captured.map((g) => g?.id ?? null) : null });
  return opts.mode === "grad" ? captured : null;
}

/** validate_outputs: reduce a broadcast gradient to the input's shape and cast its dtype */
function validate(g: Tensor, edge: Edge, node: GradNode, k: number): Tensor {
  let r = g;
  const next = edge.node;
  const shape = next.outputShapes?.[edge.inputNr] ?? next.gradShape;
  if (!sameShape(r.shape, shape)) {
    if (!expandableTo(shape, r.shape))
      throw runtimeError(
        `Function ${node.name} returned an invalid gradient at index ${k} - got [${g.shape.join(", ")}] but expected shape compatible with [${shape.join(", ")}]`,
      );
    r = sumTo(r, shape);
    if (!sameShape(r.shape, shape)) r = reshape(r, shape);
  }
  if (r.dtype !== next.gradDType) r = castTo(r, next.gradDType);
  // an integer tensor with a grad_fn (`c.fill_(b[0])` on an int c) cannot take a gradient
  if (!isFloating(r.dtype))
    throw runtimeError(
      'isDifferentiableType(grad.scalar_type()) INTERNAL ASSERT FAILED at "./torch/csrc/autograd/engine.cpp":982, please report a bug to PyTorch. ',
    );
  return r;
}

/** ATen's is_expandable_to: `shape` broadcasts to `desired` */
function expandableTo(shape: readonly number[], desired: readonly number[]): boolean {
  if (shape.length > desired.length) return false;
  for (let i = 1; i <= shape.length; i++) {
    const size = shape[shape.length - i];
    if (size !== desired[desired.length - i] && size !== 1) return false;
  }
  return true;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
