// ATen 2.6's kernel for the 2-norm of a whole float tensor (linalg.vector_norm's vectorised
// last-dim path): squares summed in 8 float (4 double) lanes, the lanes added in order, then
// the tail. GCC compiled that tail loop, for float32, into one 4-wide step when 4 or more
// elements remain (products rounded, then added one by one) and fused multiply-adds for the
// rest; for float64 every tail element is a fused multiply-add. Measured against PyTorch 2.6 on
// 3000 float32 and 1500 float64 vectors of every length mod 8: all equal.
import { fmaf } from "./sleef/float32.ts";
import { fma } from "../random/fma.ts";

export function norm2(values: ArrayLike<number>, dtype: "float32" | "float64"): number {
  const f = dtype === "float32" ? Math.fround : (v: number) => v;
  const fused = dtype === "float32" ? fmaf : fma;
  const lanes = dtype === "float32" ? 8 : 4;
  const n = values.length;
  const tail = n % lanes;
  const acc = new Array<number>(lanes).fill(0);
  for (let i = 0; i < n - tail; i += lanes)
    for (let j = 0; j < lanes; j++) acc[j] = f(acc[j]! + f(values[i + j]! * values[i + j]!));
  let s = acc[0]!;
  for (let j = 1; j < lanes; j++) s = f(s + acc[j]!);
  for (let k = 0; k < tail; k++) {
    const x = values[n - tail + k]!;
    s = dtype === "float32" && tail >= 4 && k < 4 ? f(s + f(x * x)) : fused(x, x, s);
  }
  return f(Math.sqrt(s));
}
