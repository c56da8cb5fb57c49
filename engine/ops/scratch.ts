// A view's elements in row-major order for a kernel that only reads them (a strided exp or tanh,
// the full sum of a strided view), copied into a buffer kept for the next such copy instead of a
// fresh array: fresh memory costs page faults (at 1e5 elements more than the kernel itself), and the
// copy never escapes the op that asked for it, so handing the same buffer out again is safe.
import { allocate, type DType, type Storage32 } from "../dtype.ts";
import { gather, type Tensor } from "../tensor.ts";

/** the largest buffer kept between ops (bytes); bigger copies get a fresh array */
const KEEP_BYTES = 16 * 1024 * 1024;

const kept = new Map<string, Storage32>();
/** one buffer per storage kind (int64 is held as float64) */
const kind = (d: DType): string => (d === "int64" ? "float64" : d);

/**
 * t's elements row-major: t's own storage when contiguous, else a copy in the kept buffer, valid
 * only until the next call (the caller reads it before calling any other op).
 */
export function readOnlyContiguous(t: Tensor): Storage32 {
  if (t.isContiguous()) return t.contiguousData();
  const n = t.numel;
  t.rt.checkElements(n);
  const bytes = n * allocate(t.dtype, 0).BYTES_PER_ELEMENT;
  if (bytes > KEEP_BYTES) return t.contiguousData();
  let buf = kept.get(kind(t.dtype));
  if (!buf || buf.length < n) {
    buf = allocate(t.dtype, Math.max(n, 1024));
    kept.set(kind(t.dtype), buf);
  }
  const out = buf.subarray(0, n);
  gather(t, out);
  return out;
}
