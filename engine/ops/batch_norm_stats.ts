// What both batch_norm kernels share: their options, and the running statistics written in place
// through an accessor (narrated as a mutation that leaves the version as it was, as ATen's does).
import type { Tensor } from "../tensor.ts";

/** the kernel writes the running statistics through an accessor: their version stays as it was */
export function writeStats(t: Tensor, f: (old: number, ch: number) => number): void {
  const data = t.storage.data;
  const before = t.rt.sink ? data.slice() : [];
  for (let ch = 0; ch < t.numel; ch++) {
    const at = t.offset + ch * (t.strides[0] ?? 1);
    data[at] = f(data[at], ch);
  }
  const version = t.storage.version;
  if (t.rt.sink)
    t.rt.emit({
      kind: "tensor/mutated",
      tensor: t.id,
      storage: t.storage.id,
      op: "batch_norm",
      versionBefore: version,
      versionAfter: version,
      storageBefore: before,
      storageAfter: data.slice(),
      aliases: t.storage.viewers.slice(),
      gradFnBefore: null,
      node: null,
      requiresGradAfter: t.requiresGrad,
      span: t.rt.span,
    });
}

export interface BatchNormOptions {
  weight: Tensor | null;
  bias: Tensor | null;
  runningMean: Tensor | null;
  runningVar: Tensor | null;
  training: boolean;
  momentum: number;
  eps: number;
}
