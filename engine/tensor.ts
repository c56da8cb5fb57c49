// Tensor and Storage: shape, strides and offset over a storage shared by views and aliases,
// with a version counter per storage that in-place ops bump.
import { allocate, type DType, type Storage32 } from "./dtype.ts";
import { GATHER_MAX_STEP, gatherStrided } from "./ops/wasm/kernels.ts";
import type { TensorInfo } from "./events.ts";
import type { Runtime } from "./runtime.ts";
import type { GradNode } from "./autograd/node.ts";
import type { AccumulatedHook, Hook } from "./autograd/hooks.ts";

export class Storage {
  version = 0;
  /** writes through a .data alias, which count on the alias's own version counter: the memory view
   *  watches this too, so a list holding the tensor is described afresh (p.data += ...) */
  dataWrites = 0;
  /** made in inference mode: its tensors are inference tensors (no version counter, never saved
   *  for backward, not modified in place outside inference mode) */
  inference = false;
  /** ids of every tensor that looks into this storage (aliases see each other's changes) */
  viewers: number[] = [];
  /** made by a kernel that wrote every element: its memory may go back to the runtime's pool once
   *  the interpreter proves the tensor dead (buffer_pool.ts) */
  reusable = false;
  /** held on the interpreter's stack while a name that sees it may be rebound: not reusable */
  pinned = 0;
  /** the interpreter's: bound to one name of the script by `z = x + y` and read by nothing since
   *  (python/temporaries.ts) */
  soleBinding = false;
  constructor(
    public readonly id: number,
    public data: Storage32,
  ) {}
}

export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return strides;
}

export const numelOf = (shape: readonly number[]): number => {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
};

/** how a differentiable view was made, which decides whether in-place on it may rebase history
 *  (PyTorch's CreationMeta: DEFAULT, NO_GRAD_MODE, MULTI_OUTPUT_NODE) */
export type ViewCreation = "default" | "no_grad" | "multi_output" | "custom_function";

/** set by autograd: gives a stale view its AsStridedBackward0 (kept as a hook to avoid an import cycle) */
let staleViewHook: ((view: Tensor) => void) | null = null;
export function onStaleView(fn: (view: Tensor) => void): void {
  staleViewHook = fn;
}

export class Tensor {
  readonly id: number;
  private ownGradFn: GradNode | null = null;
  /** the storage version when grad_fn was last set: a view whose storage has moved on since
   *  regenerates its grad_fn when next read (PyTorch's attr_version) */
  attrVersion = 0;
  /** which output of gradFn this tensor is */
  outputNr = 0;
  grad: Tensor | null = null;
  retainsGrad = false;
  /** the flag of a leaf; non-leaves require grad because they have a grad_fn */
  private leafRequiresGrad = false;
  /** AccumulateGrad node of a leaf that requires grad, made on first use (PyTorch keeps it too) */
  gradAccumulator: GradNode | null = null;
  /** register_post_accumulate_grad_hook's hooks (a leaf's) */
  postAccumulateHooks: Hook<AccumulatedHook>[] | null = null;
  /** changes only when an op resizes its out= argument (ops/out_arg.ts) or a lazy module's
   *  placeholder is materialized (ops/materialize.ts) */
  numel: number;
  /** for a differentiable view: the root tensor whose storage it looks into (PyTorch's ._base) */
  base: Tensor | null = null;
  viewCreation: ViewCreation = "default";
  /** forward AD: the tangent set at dual level epoch `epoch` (autograd/forward_ad.ts reads it) */
  fw: { tangent: Tensor; epoch: number } | null = null;

  constructor(
    readonly rt: Runtime,
    readonly storage: Storage,
    /** shape and strides change only by the in-place view ops (t_, transpose_, squeeze_, unsqueeze_)
     *  and by resizing an out= argument */
    public shape: number[],
    public strides: number[],
    readonly offset: number,
    readonly dtype: DType,
  ) {
    this.id = rt.newTensorId();
    this.numel = numelOf(shape);
    // a storage's first tensor made in inference mode makes it an inference storage
    if (storage.viewers.length === 0 && rt.inferenceMode) storage.inference = true;
    storage.viewers.push(this.id);
    rt.tracked?.tensors.set(this.id, this);
  }

  /** grad_fn as PyTorch's grad_fn() gives it: a view whose base (or another view of it) was
   *  modified in place since gets a fresh AsStridedBackward0 now, as in PyTorch */
  get gradFn(): GradNode | null {
    const b = this.base;
    if (b !== null && this.attrVersion !== this.storage.version && (this.ownGradFn !== null || b.requiresGrad)) {
      if (!staleViewHook) throw new Error("internal: a stale view but no autograd to regenerate its grad_fn");
      staleViewHook(this);
    }
    return this.ownGradFn;
  }
  set gradFn(node: GradNode | null) {
    this.ownGradFn = node;
    this.attrVersion = this.storage.version;
  }
  /** grad_fn as last set, never regenerated (what the events have said so far) */
  get rawGradFn(): GradNode | null {
    return this.ownGradFn;
  }
  /** a view requires grad when its base does, even before its grad_fn is regenerated */
  get requiresGrad(): boolean {
    return this.ownGradFn !== null || this.leafRequiresGrad || (this.base !== null && this.base.requiresGrad);
  }
  /** the flag requires_grad_() set: only such leaves get an AccumulateGrad */
  get leafFlag(): boolean {
    return this.leafRequiresGrad;
  }
  /** set the leaf flag; callers check the rules (floating dtype, leaf only) */
  setLeafRequiresGrad(flag: boolean): void {
    this.leafRequiresGrad = flag;
  }
  get isLeaf(): boolean {
    return this.gradFn === null;
  }
  /** x.data and views of it: a version counter of their own (PyTorch's variable_data), so
   *  writing through them leaves the storage's counter, which autograd checks, alone */
  dataVersion: { value: number } | null = null;
  /** the storage's version: what autograd checks and the events carry */
  get version(): number {
    return this.storage.version;
  }
  /** x._version as Python reads it (an x.data alias counts its own writes) */
  get pyVersion(): number {
    return this.dataVersion ? this.dataVersion.value : this.storage.version;
  }
  dim(): number {
    return this.shape.length;
  }

  isContiguous(): boolean {
    let expected = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      if (this.shape[i] !== 1 && this.strides[i] !== expected) return false;
      expected *= this.shape[i];
    }
    return true;
  }

  /** the element at flat row-major position i */
  at(i: number): number {
    if (this.shape.length === 0 || this.numel === 1) return this.storage.data[this.offset];
    let off = this.offset;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      const n = this.shape[d];
      off += (i % n) * this.strides[d];
      i = Math.floor(i / n);
    }
    return this.storage.data[off];
  }

  /** row-major copy of this tensor's elements */
  values(): number[] {
    const n = this.numel;
    // an expanded view can stand for far more elements than its storage holds
    this.rt.checkElements(n);
    if (n === 1) return [this.at(0)];
    const out = new Array<number>(n);
    const data = this.storage.data;
    if (this.isContiguous()) {
      for (let i = 0; i < n; i++) out[i] = data[this.offset + i];
      return out;
    }
    forEachOffset(this, (off, i) => {
      out[i] = data[off];
    });
    return out;
  }

  /** a row-major copy of the elements in a typed array, for events (a memcpy when contiguous) */
  snapshot(): Storage32 {
    if (this.isContiguous()) return this.storage.data.slice(this.offset, this.offset + this.numel);
    return this.contiguousData();
  }

  /** the elements row-major in a typed array of the dtype's storage kind (no copy when contiguous) */
  contiguousData(): Storage32 {
    const d = this.storage.data;
    if (this.isContiguous()) return d.subarray(this.offset, this.offset + this.numel);
    this.rt.checkElements(this.numel);
    const out = allocate(this.dtype, this.numel);
    gather(this, out);
    return out;
  }

  /** the address PyTorch would report: storage base plus the element offset */
  dataPtr(): number {
    const itemSize = this.dtype === "float32" ? 4 : this.dtype === "bool" ? 1 : 8;
    return this.storage.id * 0x100000 + this.offset * itemSize;
  }

  info(withStorage = false): TensorInfo {
    const info: TensorInfo = {
      id: this.id,
      storage: this.storage.id,
      shape: this.shape.slice(),
      strides: this.strides.slice(),
      offset: this.offset,
      dtype: this.dtype,
      requiresGrad: this.requiresGrad,
      isLeaf: this.ownGradFn === null,
      gradFn: this.ownGradFn ? this.ownGradFn.id : null,
      outputNr: this.outputNr,
      version: this.storage.version,
      values: this.snapshot(),
    };
    if (this.base) info.base = this.base.id;
    if (withStorage) {
      const whole = this.offset === 0 && this.numel === this.storage.data.length && this.isContiguous();
      // the same elements: share the array rather than copy it (events are read, never written)
      info.storageValues = whole ? info.values : this.storage.data.slice();
    }
    return info;
  }
}

/** one strided run copied out, a loop per storage kind so that each loop sees one array type
 *  (one loop for every kind reads and writes elements polymorphically, at nearly twice the cost) */
type StridedRun<A> = (out: A, o: number, data: A, p: number, step: number, m: number) => void;
const runF32: StridedRun<Float32Array> = (out, o, data, p, step, m) => {
  for (let j = 0; j < m; j++, p += step) out[o + j] = data[p]!;
};
const runF64: StridedRun<Float64Array> = (out, o, data, p, step, m) => {
  for (let j = 0; j < m; j++, p += step) out[o + j] = data[p]!;
};
const runOther: StridedRun<Storage32> = (out, o, data, p, step, m) => {
  for (let j = 0; j < m; j++, p += step) out[o + j] = data[p]!;
};
const stridedRun = (data: Storage32): StridedRun<Storage32> =>
  (data instanceof Float32Array ? runF32 : data instanceof Float64Array ? runF64 : runOther) as StridedRun<Storage32>;

/** out[i] = t's element at row-major position i: runs along the last dim, no call per element */
export function gather(t: Tensor, out: Storage32): void {
  const nd = t.shape.length;
  const n = t.numel;
  const data = t.storage.data;
  if (n === 0) return;
  if (nd === 0) {
    out[0] = data[t.offset]!;
    return;
  }
  const m = t.shape[nd - 1]!;
  const step = t.strides[nd - 1]!;
  const run = stridedRun(data);
  // long float runs with a small step are picked out in WebAssembly (gatherStrided)
  const float = data instanceof Float32Array || data instanceof Float64Array;
  const wasm = float && m >= 1024 && step > 1 && step <= GATHER_MAX_STEP;
  const idx = new Array<number>(nd).fill(0);
  let off = t.offset;
  for (let o = 0; o < n; o += m) {
    if (step === 1) out.set(data.subarray(off, off + m), o);
    else if (!(wasm && gatherStrided(data as Float32Array, off, step, out.subarray(o, o + m) as Float32Array, m))) run(out, o, data, off, step, m);
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++;
      off += t.strides[d]!;
      if (idx[d]! < t.shape[d]!) break;
      off -= t.strides[d]! * t.shape[d]!;
      idx[d] = 0;
    }
  }
}

/** Visit every element's storage offset in row-major order. */
export function forEachOffset(t: Tensor, fn: (offset: number, flat: number) => void): void {
  const nd = t.shape.length;
  const n = t.numel;
  if (n === 0) return;
  if (nd === 0) {
    fn(t.offset, 0);
    return;
  }
  const idx = new Array<number>(nd).fill(0);
  let off = t.offset;
  for (let i = 0; i < n; i++) {
    fn(off, i);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      off += t.strides[d];
      if (idx[d] < t.shape[d]) break;
      off -= t.strides[d] * t.shape[d];
      idx[d] = 0;
    }
  }
}

/** A new tensor over fresh contiguous storage holding `values` (already in dtype). */
/** bytes of a storage of n elements (int64 is held as float64) */
export const storageBytes = (dtype: DType, n: number): number => n * (dtype === "float32" || dtype === "int32" ? 4 : dtype === "bool" ? 1 : 8);

export function fromValues(rt: Runtime, values: ArrayLike<number>, shape: number[], dtype: DType): Tensor {
  const n = numelOf(shape);
  rt.checkElements(n);
  rt.checkDeadline();
  rt.noteAllocation(storageBytes(dtype, n));
  const data = allocate(dtype, n);
  if (dtype === "int64") for (let i = 0; i < n; i++) data[i] = Math.trunc(values[i]);
  else if (dtype === "bool") for (let i = 0; i < n; i++) data[i] = values[i] ? 1 : 0;
  else data.set(values as ArrayLike<number>);
  return new Tensor(rt, new Storage(rt.newStorageId(), data), shape, contiguousStrides(shape), 0, dtype);
}

/** A new contiguous tensor of `shape` with every element `value` (already in dtype): a typed
 *  array filled in place, never a JS array (those turn slow past 32M elements). */
export function filled(rt: Runtime, shape: number[], dtype: DType, value = 0): Tensor {
  const n = numelOf(shape);
  rt.checkElements(n);
  rt.checkDeadline();
  rt.noteAllocation(storageBytes(dtype, n));
  const data = allocate(dtype, n);
  if (value !== 0) data.fill(value);
  return new Tensor(rt, new Storage(rt.newStorageId(), data), shape, contiguousStrides(shape), 0, dtype);
}

/** A new contiguous tensor over `data`, which it takes over (already in dtype). */
export function fromStorage(rt: Runtime, data: Storage32, shape: number[], dtype: DType): Tensor {
  rt.checkDeadline();
  rt.noteAllocation(data.byteLength);
  return new Tensor(rt, new Storage(rt.newStorageId(), data), shape, contiguousStrides(shape), 0, dtype);
}

/** A differentiable view sharing t's storage; its base is t's root base. Made with grad mode
 *  off it is a no_grad view; a view of a view keeps the stricter of the two (propagate_creation_meta). */
export function makeView(t: Tensor, shape: number[], strides: number[], offset: number, creation: ViewCreation = "default"): Tensor {
  const v = new Tensor(t.rt, t.storage, shape, strides, offset, t.dtype);
  v.base = t.base ?? t;
  const made = t.rt.gradEnabled ? creation : "no_grad";
  v.viewCreation = made === "default" && t.base ? t.viewCreation : made;
  v.attrVersion = t.storage.version;
  v.dataVersion = t.dataVersion;
  return v;
}
