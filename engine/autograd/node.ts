// grad_fn nodes: PyTorch's autograd Node, with its edges to the next functions, the
// tensors it saved for backward (checked against their version when unpacked) and its
// backward formula, itself written with engine ops so create_graph records a new graph.
import { legacyTypeName } from "../dtype.ts";
import { runtimeError, type TorchError } from "../errors.ts";
import type { NodeInfo } from "../events.ts";
import type { Runtime } from "../runtime.ts";
import type { Tensor } from "../tensor.ts";
import type { NodeHooks } from "./hooks.ts";

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

export class SavedTensor {
  constructor(
    readonly slot: string,
    private tensor: Tensor | null,
    readonly savedVersion: number,
    /** an output of the node that saved it (PyTorch names the node itself in errors) */
    readonly isOutput: boolean,
    readonly tensorId: number,
  ) {}
  get released(): boolean {
    return this.tensor === null;
  }
  release(): void {
    this.tensor = null;
  }
  peek(): Tensor | null {
    return this.tensor;
  }
  unpack(owner: GradNode): Tensor {
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
          `expected version ${this.savedVersion} instead. Hint: enable anomaly detection to find the ` +
          "operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).",
      ), owner, "modified");
    }
    return t;
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
    this.saved.push(new SavedTensor(slot, t, t.storage.version, isOutput, t.id));
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
