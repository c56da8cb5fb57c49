// Reading a tensor's elements as if expanded to a broadcast shape (row-major), for ops that
// combine several operands without going through the recorded expand op.
import { forEachOffset, numelOf, type Tensor } from "../tensor.ts";
import { broadcastStrides } from "./kernel.ts";

export function broadcastValues(t: Tensor, shape: number[]): number[] {
  const out: number[] = [];
  const view = { shape, strides: broadcastStrides(t, shape), offset: t.offset, numel: numelOf(shape) } as Tensor;
  forEachOffset(view, (off) => out.push(t.storage.data[off]));
  return out;
}
