// grad_fn nodes: PyTorch's autograd Node, with its edges to the next functions, the
// tensors it saved for backward (checked against their version when unpacked) and its
// backward formula, itself written with engine ops so create_graph records a new graph.
import { legacyTypeName } from "../dtype.ts";
import { runtimeError, type TorchError } from "../errors.ts";
import type { NodeInfo } from "../events.ts";
import type { Runtime } from "../runtime.ts";
import { makeView, type Tensor } from "../tensor.ts";
import type { NodeHooks } from "./hooks.ts";
import { anomalyMeta } from "./anomaly.ts";
import type { AnomalyMeta } from "../runtime.ts";

/** a non-tensor argument saved for backward, as Python reads it: bool, float (number), int
 *  (bigint), or a size (tuple of ints) */
/** a non-tensor argument saved for backward; null: a saved tensor PyTorch declares but did not save (None) */
export type SavedArg = boolean | number | bigint | number[] | null;

export interface Edge {
  node: GradNode;
  inputNr: number;
}

/** grads flowing into the node (one per output) -> grads for each next edge */
export type BackwardFn = (grads: (Tensor | null)[], node: GradNode) => (Tensor | null)[];

/** torch.autograd.graph.saved_tensors_hooks: what a node keeps instead of a tensor it saves
 *  (pack's result), and how it gets a tensor back from that (unpack) */
export interface SavedTensorsHooks {
  packName: string;
  unpackName: string;
  pack(t: Tensor): unknown;
  unpack(packed: unknown): Tensor;
  /** the tensors a packed value holds (itself, or the items of a tuple or list) */
  held(packed: unknown): Tensor[];
}

export const PACK_IN_PLACE =
  "A saved tensor pack hook is modifying its input in place. Tensors provided as input to pack hook can not be " +
  "modified by in-place operations as this can lead to unexpected side-effects. Please open an issue if you need " +
  "to perform in-place operations on the input to a pack hook.";

/** 0-d tensors made from a Python scalar operand (PyTorch's wrapped numbers): saved as they are,
 *  never handed to a pack hook */
export const wrappedNumbers = new WeakSet<Tensor>();

/** a tensor saved through saved_tensors_hooks: pack's result, the hooks, and the tensor as it was saved */
interface Packed {
  value: unknown;
  hooks: SavedTensorsHooks;
  /** the tensor saved (kept for its autograd identity: the gradient's path to it) */
  origin: Tensor;
}

export class SavedTensor {
  private packed: Packed | null = null;
  /** the hooks in force when it was saved: packed once the op has been narrated (packSaved) */
  pendingHooks: SavedTensorsHooks | null = null;
  constructor(
    readonly slot: string,
    private tensor: Tensor | null,
    readonly savedVersion: number,
    /** an output of the node that saved it (PyTorch names the node itself in errors) */
    readonly isOutput: boolean,
    readonly tensorId: number,
  ) {}
  get released(): boolean {
    return this.tensor === null && this.packed === null;
  }
  release(): void {
    this.tensor = null;
    this.packed = null;
  }
  /** the tensor saved, or what unpack gives back (then `hooked`) */
  peek(): Tensor | null {
    return this.tensor;
  }
  /** saved through saved_tensors_hooks (unpack then runs the unpack hook) */
  get hooked(): boolean {
    return this.packed !== null;
  }
  /** the tensor as saved, and unpack's result (the hook runs) */
  private unpackHooked(owner: GradNode): { origin: Tensor; data: Tensor } | null {
    const p = this.packed;
    if (!p) return null;
    const data = p.hooks.unpack(p.value);
    owner.rt.emit({ kind: "saved/hooked", call: "unpack", node: owner.id, nodeName: owner.name, slot: this.slot, tensor: this.tensorId, hook: p.hooks.unpackName, packed: [] });
    return { origin: p.origin, data };
  }
  /** keep pack's result instead of the tensor (the hook runs with grad mode off) */
  pack(owner: GradNode, hooks: SavedTensorsHooks): void {
    const t = this.tensor!;
    const rt = owner.rt;
    const version = t.storage.version;
    const span = rt.span;
    const value = rt.withGradMode(false, () => hooks.pack(t));
    rt.span = span;
    if (t.storage.version !== version) throw runtimeError(PACK_IN_PLACE);
    this.packed = { value, hooks, origin: t };
    this.tensor = null;
    if (rt.sink) rt.emit({ kind: "saved/hooked", call: "pack", node: owner.id, nodeName: owner.name, slot: this.slot, tensor: t.id, hook: hooks.packName, packed: hooks.held(value).map((x) => x.id) });
  }
  unpack(owner: GradNode): Tensor {
    if (this.packed) return this.fromHooks(owner);
    const t = this.tensor;
    if (t === null) throw this.blamed(runtimeError(FREED_MESSAGE), owner, "freed");
    const current = t.storage.version;
    if (current !== this.savedVersion) {
      const grad = this.isOutput ? owner : t.gradFn;
      // named as name() names it: torch::autograd::CopyBackwards for the nodes written by hand in C++
      const which = grad ? `, which is output ${t.outputNr} of ${grad.pyName()},` : "";
      throw this.blamed(runtimeError(
        "one of the variables needed for gradient computation has been modified by an inplace operation: " +
          `[${legacyTypeName(t.dtype)} [${t.shape.join(", ")}]]${which} is at version ${current}; ` +
          `expected version ${this.savedVersion} instead. ` +
          (owner.rt.anomalyEnabled
            ? "Hint: the backtrace further above shows the operation that failed to compute its gradient. The variable in question was changed in there or anywhere later. Good luck!"
            : "Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True)."),
      ), owner, "modified");
    }
    return t;
  }

  /** unpack's result as SavedVariable::unpack hands it out: a new tensor over its storage with the
   *  saved tensor's autograd identity (its grad_fn, this node for a saved output, or a leaf's
   *  requires_grad and AccumulateGrad), so a create_graph backward still reaches the saved tensor.
   *  No version check: the node has only what pack returned. */
  private fromHooks(owner: GradNode): Tensor {
    const { origin, data } = this.unpackHooked(owner)!;
    const u = makeView(data, data.shape.slice(), data.strides.slice(), data.offset);
    u.base = null;
    const gradFn = this.isOutput ? owner : origin.gradFn;
    if (gradFn) {
      u.gradFn = gradFn;
      u.outputNr = origin.outputNr;
    } else if (origin.requiresGrad) {
      u.setLeafRequiresGrad(true);
      u.gradAccumulator = origin.gradAccumulator;
    }
    const rt = owner.rt;
    // no inputs: what pack returned is held by the node, out of sight of the references the events count
    if (rt.sink) rt.emit({ kind: "op/applied", op: "unpack saved tensor", inputs: [], output: u.info(false), node: null, span: rt.span });
    return u;
  }

  /** the error names the node that could not unpack this tensor, and the tensor itself */
  private blamed(e: TorchError, owner: GradNode, reason: "freed" | "modified"): TorchError {
    e.blame = { node: owner.id, saved: { slot: this.slot, tensor: this.tensorId, reason } };
    return e;
  }
}

export const FREED_MESSAGE =
  "Trying to backward through the graph a second time (or directly access saved tensors after they " +
  "have already been freed). Saved intermediate values of the graph are freed when you call .backward() " +
  "or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time " +
  "or if you need to access saved tensors after calling backward.";

/** nodes written by hand in C++ report their namespaced name from .name() */
const CPP_NAMED = new Set(["AccumulateGrad", "CopyBackwards", "CopySlices", "GraphRoot", "NotImplemented"]);

export class GradNode {
  readonly id: number;
  readonly sequenceNr: number;
  order: number;
  saved: SavedTensor[] = [];
  /** set once release() ran: a later unpack raises the "backward a second time" error */
  released = false;
  /** non-leaf tensors that called retain_grad(), by output index */
  retained: Map<number, Tensor> | null = null;
  /** for AccumulateGrad: the leaf it accumulates into */
  variable: Tensor | null = null;
  /** for CopySlices: the in-place op's own backward, applied to the view's slice */
  wrapped: GradNode | null = null;
  /** shape and dtype of the gradient this node takes in (its output's metadata) */
  gradShape: number[] = [];
  gradDType: Tensor["dtype"] = "float32";
  /** for a node with outputs of different shapes (split_with_sizes): the shape of each */
  outputShapes: number[][] | null = null;
  /** saved lists of optional tensors (index's `indices`): each entry's slot, null where None */
  savedLists: Map<string, (string | null)[]> | null = null;
  /** saved non-tensor arguments Python can read (_saved_accumulate, _saved_self_sym_sizes) */
  savedArgs: Map<string, SavedArg> | null = null;
  /** backward hooks registered on this node or on the tensors it outputs */
  hooks: NodeHooks | null = null;
  /** its backward is the program's own Python code (a custom Function): the engine narrates
   *  node/entered before running it, so its statements are seen inside the node */
  userBackward = false;
  /** while this node's backward runs: which of its edges lead to a gradient the run wants */
  wanted: boolean[] | null = null;
  /** made under anomaly mode: where (the forward call's Python stack) and by which backward */
  readonly anomaly: AnomalyMeta | null;

  constructor(
    readonly rt: Runtime,
    readonly name: string,
    readonly next: (Edge | null)[],
    readonly backward: BackwardFn,
    accumulate = false,
  ) {
    this.id = rt.newNodeId();
    this.sequenceNr = accumulate ? Number.MAX_SAFE_INTEGER : rt.nextSequenceNr();
    // a node is of the order of the backward that made it, and at least of any node it feeds from:
    // differentiating a second-order node makes third-order ones, and ops on a gradient stay in its order
    let order = rt.derivativeOrder;
    for (const e of next) if (e && e.node.order > order) order = e.node.order;
    this.order = order;
    this.anomaly = anomalyMeta(rt, name);
    rt.tracked?.nodes.set(this.id, this);
  }

  /** the text of grad_fn.name() */
  pyName(): string {
    return CPP_NAMED.has(this.name) ? `torch::autograd::${this.name}` : this.name;
  }

  /** should_compute_output(i): input i had an edge (required grad) when the op ran, and the
   *  backward running now wants what it leads to (autograd.grad(y, a) computes only what leads
   *  to a, so create_graph records nothing else) */
  needs(i: number): boolean {
    return (this.next[i] ?? null) !== null && (this.wanted?.[i] ?? true);
  }

  save(slot: string, t: Tensor, isOutput = false): void {
    if (t.storage.inference && !this.rt.inferenceMode)
      throw runtimeError(
        "Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal tensor and use it in autograd.",
      );
    const saved = new SavedTensor(slot, t, t.storage.version, isOutput, t.id);
    this.saved.push(saved);
    const hooks = this.rt.savedTensorsHooks;
    if (hooks.length && !wrappedNumbers.has(t)) saved.pendingHooks = hooks[hooks.length - 1];
  }

  /** runs saved_tensors_hooks' pack on what this node saved under them: after the op that made
   *  the node was narrated, so the tensors handed to pack (its output too) are known to the trace */
  packSaved(): void {
    for (const s of this.saved) {
      const hooks = s.pendingHooks;
      if (!hooks) continue;
      s.pendingHooks = null;
      s.pack(this, hooks);
    }
  }

  /** save a Tensor?[] argument: its tensors under slots `name[i]`, read back by unpackList */
  saveList(name: string, items: readonly (Tensor | null)[]): void {
    this.savedLists ??= new Map();
    this.savedLists.set(
      name,
      items.map((t, i) => {
        if (!t) return null;
        this.save(`${name}[${i}]`, t);
        return `${name}[${i}]`;
      }),
    );
  }

  unpackList(name: string): (Tensor | null)[] {
    const slots = this.savedLists?.get(name);
    if (!slots) throw new Error(`internal: ${this.name} saved no list ${name}`);
    return slots.map((s) => (s === null ? null : this.unpack(s)));
  }

  saveArg(name: string, value: SavedArg): void {
    this.savedArgs ??= new Map();
    this.savedArgs.set(name, value);
  }

  unpack(slot: string): Tensor {
    for (const s of this.saved) if (s.slot === slot) return s.unpack(this);
    throw new Error(`internal: ${this.name} saved no ${slot}`);
  }

  release(): void {
    this.released = true;
    for (const s of this.saved) s.release();
  }

  info(): NodeInfo {
    const info: NodeInfo = {
      id: this.id,
      name: this.name,
      sequenceNr: this.sequenceNr,
      next: this.next.map((e) => (e ? { node: e.node.id, inputNr: e.inputNr } : null)),
      saved: this.saved.map((s) => (s.isOutput ? { slot: s.slot, tensor: s.tensorId, version: s.savedVersion, output: true } : { slot: s.slot, tensor: s.tensorId, version: s.savedVersion })),
      order: this.order,
    };
    if (this.variable) info.variable = this.variable.id;
    if (this.wrapped) info.wraps = this.wrapped.name;
    return info;
  }
}
