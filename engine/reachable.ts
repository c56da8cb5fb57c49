// How much memory a program can still reach: a walk over the JavaScript objects behind its
// names (Python values, tensors, storages, the autograd graph) that adds up typed-array bytes,
// string lengths and container slots. The run's memory budget asks for it only when the bytes
// allocated since the last walk could put it over, so the walk costs little; garbage is never
// counted, since nothing reaches it. A JavaScript engine gives no synchronous way to ask how
// much of its heap is live (a Web Worker has no performance.memory), hence the walk.

/** rough sizes on a 64-bit JavaScript heap */
export const OBJECT_BYTES = 32;
export const SLOT_BYTES = 16;

/**
 * Bytes reachable from `roots`, never entering an object in `skip` (engine state that is not
 * the program's, such as the Runtime). Each ArrayBuffer is counted once, whatever views share it.
 */
export function reachableBytes(roots: readonly unknown[], skip: ReadonlySet<object> = new Set()): number {
  const seen = new Set<object>();
  const buffers = new Set<ArrayBufferLike>();
  const stack: unknown[] = [...roots];
  let bytes = 0;
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      bytes += SLOT_BYTES + 2 * v.length;
      continue;
    }
    if (typeof v !== "object" || v === null || seen.has(v) || skip.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      if (!buffers.has(v.buffer)) {
        buffers.add(v.buffer);
        bytes += v.buffer.byteLength;
      }
      continue;
    }
    if (v instanceof ArrayBuffer) {
      if (!buffers.has(v)) {
        buffers.add(v);
        bytes += v.byteLength;
      }
      continue;
    }
    bytes += OBJECT_BYTES;
    if (Array.isArray(v)) {
      bytes += SLOT_BYTES * v.length;
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === "object" || typeof item === "string") stack.push(item);
      }
      continue;
    }
    if (v instanceof Map) {
      bytes += 2 * SLOT_BYTES * v.size;
      for (const [key, value] of v) stack.push(key, value);
      continue;
    }
    if (v instanceof Set) {
      bytes += SLOT_BYTES * v.size;
      for (const item of v) stack.push(item);
      continue;
    }
    for (const key of Object.keys(v)) {
      bytes += SLOT_BYTES;
      const value: unknown = (v as Record<string, unknown>)[key];
      if (typeof value === "object" || typeof value === "string") stack.push(value);
    }
  }
  return bytes;
}

export function formatMemory(bytes: number): string {
  if (bytes >= 1 << 30) return `${+(bytes / (1 << 30)).toFixed(1)} GB`;
  return `${Math.round(bytes / (1 << 20))} MB`;
}
