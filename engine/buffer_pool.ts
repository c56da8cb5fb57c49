// Kernel outputs' memory, handed back when the interpreter knows a tensor is dead, for the next
// output of the same size. A fresh typed array of 1e5-1e6 elements costs more than PyTorch's whole
// add: JavaScript frees it only at a later garbage collection, by then the allocator has returned
// its pages to the system, and the next array's first writes fault them back in one page at a
// time. CPython drops a tensor the moment its last reference goes, so PyTorch's allocator hands
// the same, already mapped, memory straight back. The interpreter knows that moment in two cases
// (python/temporaries.ts): an operand made by the expression itself (`a * b` in `a * b + c`) once
// the outer operator has read it, and a name's old tensor when the name is rebound and nothing
// else ever read it. `release` checks, on the engine's side, that nothing else can see the
// memory: no graph, no events, no views, made by a kernel that wrote every element.
import type { Storage32 } from "./dtype.ts";
import type { Runtime } from "./runtime.ts";
import type { Tensor } from "./tensor.ts";

type FloatArray = Float32Array | Float64Array;

/** smaller arrays live on the JavaScript heap, where they come cheaply (V8 keeps typed arrays of
 *  up to 64 bytes there); from a few hundred bytes up, a fresh one costs microseconds */
export const POOL_FROM = 256;
/** arrays kept per size, and bytes kept in all */
const PER_SIZE = 4;
const MAX_BYTES = 64 * 1024 * 1024;

export class BufferPool {
  private readonly f32 = new Map<number, Float32Array[]>();
  private readonly f64 = new Map<number, Float64Array[]>();
  private bytes = 0;

  /** an array of n elements whose every element the caller overwrites, or null */
  take(kind: "float32" | "float64", n: number): FloatArray | null {
    if (n < POOL_FROM) return null;
    const list = (kind === "float32" ? this.f32 : this.f64).get(n);
    const a = list?.pop();
    if (!a) return null;
    this.bytes -= a.byteLength;
    return a;
  }

  give(a: FloatArray): void {
    if (a.length < POOL_FROM || this.bytes + a.byteLength > MAX_BYTES) return;
    const byLength = (a instanceof Float32Array ? this.f32 : this.f64) as Map<number, FloatArray[]>;
    let list = byLength.get(a.length);
    if (!list) byLength.set(a.length, (list = []));
    if (list.length >= PER_SIZE || list.includes(a)) return;
    list.push(a);
    this.bytes += a.byteLength;
  }

  /** bytes held for reuse */
  get held(): number {
    return this.bytes;
  }
}

/** an output array for a kernel that writes all n elements: reused memory when the pool has some */
export function outputArray(rt: Runtime, kind: "float32" | "float64", n: number): FloatArray {
  return rt.pool.take(kind, n) ?? (kind === "float32" ? new Float32Array(n) : new Float64Array(n));
}

/** Whether t's memory is the engine's alone to reuse once the program has dropped t: made by a
 *  kernel (Storage.reusable), no other tensor looks into it, no graph can reach it (no grad_fn,
 *  does not require grad), no events or test tracking hold it. */
export function reusable(t: Tensor): boolean {
  const rt = t.rt;
  const s = t.storage;
  return (
    s.reusable &&
    s.pinned === 0 &&
    rt.sink === null &&
    rt.tracked === null &&
    s.viewers.length === 1 &&
    s.viewers[0] === t.id &&
    t.base === null &&
    t.rawGradFn === null &&
    !t.requiresGrad &&
    t.offset === 0 &&
    s.data.length === t.numel
  );
}

/** t is dead (the interpreter proved no Python value reaches it): its memory goes to the pool */
export function release(t: Tensor): boolean {
  if (!reusable(t)) return false;
  const s = t.storage;
  s.reusable = false;
  t.rt.pool.give(s.data as FloatArray);
  return true;
}

/** a kernel's output storage may be handed back to the pool later */
export function markReusable(t: Tensor, data: Storage32): Tensor {
  if (data.length >= POOL_FROM && (data instanceof Float32Array || data instanceof Float64Array)) t.storage.reusable = true;
  return t;
}
