// The event stream: everything the engine and the interpreter do, as plain data.
// Events refer to tensors, storages and grad_fn nodes by id, never by object, and each
// carries the values before and after, so a fold over events[0..k] rebuilds the world at k.
// Element values are typed-array copies as the engine emits them (copying a storage is then a
// memcpy, which keeps narration cheap on big tensors) and plain arrays once events have been
// through JSON; `plainValues` turns the one into the other (JSON writers use it as a replacer).

export type DTypeName = "float32" | "float64" | "int64" | "int32" | "bool";

/** elements of a tensor or storage at the moment of an event: never written after it */
export type Values = readonly number[] | Float32Array | Float64Array | Int32Array | Uint8Array;

/** the values as a plain array (a counted loop: Array.from on typed arrays is ~25x slower in V8);
 *  JSON writers call it on typed arrays in their replacer */
export function plainValues(v: ArrayLike<number>): number[] {
  if (Array.isArray(v)) return v as number[];
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i];
  return out;
}

/** A source range in the user's script (1-based line, 0-based columns, end exclusive). */
export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** A tensor as it is at the moment of the event. `values` are the tensor's own elements,
 *  row-major (not the storage's); `storageValues` is present when the storage is new. */
export interface TensorInfo {
  id: number;
  storage: number;
  shape: number[];
  strides: number[];
  offset: number;
  dtype: DTypeName;
  requiresGrad: boolean;
  isLeaf: boolean;
  gradFn: number | null;
  /** grad_fn output index this tensor is (usually 0) */
  outputNr: number;
  version: number;
  values: Values;
  storageValues?: Values;
  /** for a differentiable view: the tensor it views (PyTorch's ._base); its requires_grad
   *  follows the base's, and its grad_fn is regenerated after in-place changes to the storage */
  base?: number;
}

export interface SavedInfo {
  /** the formula's name for it: "self", "other", "result", "exponent"... */
  slot: string;
  tensor: number;
  version: number;
  /** an output of the node itself (exp's result): PyTorch saves it without its grad_fn, so it
   *  does not keep the node alive */
  output?: boolean;
}

export interface EdgeInfo {
  node: number;
  inputNr: number;
}

export interface NodeInfo {
  id: number;
  /** PyTorch's name: "MulBackward0", "AccumulateGrad" (shown by .name() as torch::autograd::AccumulateGrad) */
  name: string;
  sequenceNr: number;
  /** one per differentiable input; null where the input does not need a gradient */
  next: (EdgeInfo | null)[];
  saved: SavedInfo[];
  /** 0 for the forward graph; 1 for nodes made by a create_graph backward, 2 above that... */
  order: number;
  /** for AccumulateGrad: the leaf tensor whose .grad it fills */
  variable?: number;
  /** for CopySlices: the name of the in-place op's own backward it applies to the slice */
  wraps?: string;
}

export type GradMode = "backward" | "grad";

/** What an error is about in the graph: the grad_fn node whose backward failed and, when a saved
 *  tensor is the cause, that tensor (freed by an earlier backward, or modified in place since). */
export interface ErrorBlame {
  node: number;
  saved?: { slot: string; tensor: number; reason: "freed" | "modified" };
}

/** A node hook torch.nn put there for a module's backward hooks: the module's path in the
 *  outermost module being called ("conv2", "" for that module itself, null when it is not one of its
 *  submodules), its class, how its hooks were registered, and their __name__s. */
export interface ModuleHookInfo {
  path: string | null;
  module: string;
  method: "register_full_backward_hook" | "register_full_backward_pre_hook" | "register_backward_hook";
  hooks: string[];
}

export type TraceEvent =
  | { kind: "statement"; span: Span; text: string }
  | { kind: "tensor/created"; tensor: TensorInfo; how: string; span?: Span }
  | { kind: "node/created"; node: NodeInfo }
  | {
      kind: "op/applied";
      op: string;
      inputs: number[];
      output: TensorInfo;
      /** the grad_fn node this op made (absent when no grad is recorded) */
      node: NodeInfo | null;
      /** other outputs of a multi-output op (max with dim) */
      extraOutputs?: TensorInfo[];
      span?: Span;
      /** forward AD: this op is a step of the tangent formula of the op named (its output is
       *  part of a tangent, not of the program's values) */
      tangentFormulaOf?: string;
    }
  | {
      kind: "tensor/mutated";
      tensor: number;
      storage: number;
      op: string;
      versionBefore: number;
      versionAfter: number;
      storageBefore: Values;
      storageAfter: Values;
      /** every tensor id that shares the storage (so every alias is seen to change) */
      aliases: number[];
      gradFnBefore: number | null;
      /** the rebased grad_fn node (e.g. ZeroBackward0), or null */
      node: NodeInfo | null;
      /** when a view was modified: its base, whose grad_fn `node` (CopySlices) became */
      rebased?: number;
      /** the tensor's shape and strides after an in-place view op (t_, transpose_, squeeze_,
       *  unsqueeze_), which changes only those (its values stay, its version is bumped) */
      geometry?: { shape: number[]; strides: number[] };
      requiresGradAfter: boolean;
      span?: Span;
    }
  | { kind: "tensor/flags"; tensor: number; requiresGrad: boolean; isLeaf: boolean; gradFn: number | null; retainsGrad: boolean }
  | { kind: "attr/set"; tensor: number; attr: "grad"; before: number | null; after: number | null; span?: Span }
  /** inPlace: the list, dict or set the name holds changed in place (append, d[k] = v, sort...);
   *  narrated before the next statement, with what it holds now */
  | { kind: "binding/set"; name: string; scope: string; value: BindingValue; span?: Span; inPlace?: true }
  /** a Python object (an instance of a class the program or a library defined) is first seen by
   *  the memory view: bound to a name, or held by an attribute of an object already seen */
  | { kind: "object/created"; object: number; cls: string; attrs: ObjectAttr[]; /** an nn.Module */ module?: true }
  /** an attribute of a seen object is set (value) or deleted (null) */
  | {
      kind: "object/attr";
      object: number;
      name: string;
      value: BindingValue | null;
      /** a module's entry: the dict Module.__setattr__ keeps it in */
      member?: "_parameters" | "_buffers" | "_modules";
      /** the same list, dict or set, changed in place (append, d[k] = v...) */
      inPlace?: true;
    }
  | { kind: "binding/deleted"; name: string; scope: string; span?: Span }
  /** a function call (or comprehension, or generator) ended: its frame's names are gone */
  | { kind: "frame/exited"; scope: string }
  | {
      kind: "backward/started";
      id: number;
      mode: GradMode;
      roots: number[];
      seeds: number[];
      /** seeds made implicitly (ones) rather than passed in */
      implicitSeed: boolean;
      retainGraph: boolean;
      createGraph: boolean;
      inputs: number[] | null;
      span?: Span;
    }
  /** a node whose backward is the program's own code (a custom autograd.Function's backward)
   *  starts: the statements of that code follow, then its node/executed */
  | { kind: "node/entered"; backward: number; node: number; name: string; gradsIn: (number | null)[] }
  | {
      kind: "node/executed";
      backward: number;
      node: number;
      name: string;
      gradsIn: (number | null)[];
      /** one per edge in node.next */
      gradsOut: (number | null)[];
    }
  | {
      kind: "grad/summed";
      backward: number;
      /** the node whose input buffer received a contribution */
      node: number;
      inputNr: number;
      before: number;
      delta: number;
      after: number;
    }
  | {
      kind: "grad/accumulated";
      backward: number;
      leaf: number;
      node: number;
      before: number | null;
      delta: number;
      after: number;
      /** stored: first grad, a copy; inplace: added into the existing .grad; replaced: a new tensor */
      how: "stored" | "inplace" | "replaced";
    }
  | { kind: "grad/captured"; backward: number; tensor: number; grad: number }
  /** forward AD: `tensor` carries `tangent` (a tensor already narrated: the tangent formula's
   *  result, just after the op named made `tensor`; or make_dual's) until the dual level ends */
  | {
      kind: "tangent/set";
      tensor: number;
      tangent: number;
      op: string;
      /** the primal inputs of the op whose tangent this is (make_dual: the primal), when known */
      inputs?: number[];
      span?: Span;
    }
  /** forward AD: torch.autograd.forward_ad's dual level entered, or exited (every tangent set
   *  under it is gone then) */
  | { kind: "dual/level"; entered: boolean; level: number; span?: Span }
  | { kind: "saved/freed"; backward: number; nodes: number[] }
  | { kind: "backward/finished"; id: number; results: (number | null)[] | null }
  /** nothing references these any more (the last name, container slot, attribute, .grad_fn or
   *  next_functions reference went), so CPython frees them here; ids of grad_fn nodes and tensors,
   *  and the line whose statement dropped the last reference */
  | { kind: "graph/freed"; nodes: number[]; tensors: number[]; line: number }
  /** a torch.nn.Module's call began (`model(x)`, or `self.fc1(x)` inside it): `path` is the
   *  module's name in the outermost module being called, as named_modules() gives it ("" for that
   *  module itself, "fc1", "net.0"; null when it is not one of its submodules); `module` its class */
  | { kind: "module/entered"; call: number; parent: number | null; path: string | null; module: string; span?: Span }
  /** the module's call returned (outputs: the tensors it returned) or raised (outputs empty) */
  | { kind: "module/exited"; call: number; outputs: number[] }
  /** parameters and buffers by their names in the outermost module being called
   *  (named_parameters()/named_buffers(): "fc1.weight", "net.0.bias"), when they change */
  | { kind: "params/named"; names: { tensor: number; name: string }[] }
  /** optimizer.step() updated one parameter in place under no_grad (the update's inner ops are
   *  not narrated one by one): the parameter's storage before and after and its version bump (as
   *  tensor/mutated), the gradient it read, and the optimizer's state for that parameter after the
   *  update, in the state dict's key order (momentum_buffer; step, exp_avg, exp_avg_sq...) */
  | {
      kind: "optim/stepped";
      /** the optimizer's class: SGD, Adam, AdamW, RMSprop, Adagrad, Adadelta */
      optimizer: string;
      param: number;
      storage: number;
      versionBefore: number;
      versionAfter: number;
      storageBefore: Values;
      storageAfter: Values;
      aliases: number[];
      grad: number | null;
      lr: number;
      state: { key: string; tensor: TensorInfo }[];
      span?: Span;
    }
  /** a backward hook was registered: on a tensor (register_hook: `node` is the node whose output
   *  it is, or the leaf's AccumulateGrad), on a node (register_prehook/register_hook), or a
   *  leaf's post-accumulate-grad hook (`node` null); `name` is the function's __name__; `module`:
   *  the torch.nn module whose backward hooks this node hook runs (see ModuleHookInfo) */
  | {
      kind: "hook/registered";
      hook: number;
      where: "tensor" | "pre" | "post" | "post-accumulate";
      name: string;
      node: number | null;
      tensor: number | null;
      module?: ModuleHookInfo;
    }
  | { kind: "hook/removed"; hook: number }
  /** a hook ran during a backward, at `node`, on the gradients `before`; `after`: what flows on */
  | {
      kind: "hook/called";
      backward: number;
      hook: number;
      where: "tensor" | "pre" | "post" | "post-accumulate";
      name: string;
      node: number;
      before: (number | null)[];
      after: (number | null)[];
    }
  /** a saved_tensors_hooks pack hook ran as `node` (named `nodeName`: it may not be narrated yet)
   *  saved `tensor` in `slot`, or its unpack hook ran as the node (or grad_fn._saved_*) read it back;
   *  `packed`: the tensors what pack returned holds (the node keeps them until backward frees them) */
  | { kind: "saved/hooked"; call: "pack" | "unpack"; node: number; nodeName: string; slot: string; tensor: number; hook: string; packed: number[] }
  | { kind: "output/printed"; text: string; stream: "stdout" | "stderr" }
  | { kind: "warning/raised"; category: string; message: string; span?: Span }
  | { kind: "error/raised"; type: string; message: string; span?: Span; traceback?: string; blame?: ErrorBlame };

export type BindingValue =
  | { type: "tensor"; id: number }
  | { type: "tensors"; ids: (number | null)[]; repr: string }
  /** a Python object the memory view draws as a box (object/created gave its attributes) */
  | { type: "object"; id: number; cls: string }
  /** objects: the objects (object/created) a small list, tuple, set or dict holds, in order */
  | { type: "value"; repr: string; pyType: string; objects?: number[] };

/** One attribute of a Python object, as the memory view shows it. */
export interface ObjectAttr {
  name: string;
  value: BindingValue;
}

export type TraceEventKind = TraceEvent["kind"];

/** Where the engine sends events. No global bus: each Runtime gets its own sink. */
export type EventSink = (event: TraceEvent) => void;
