// x[index] = value as PyTorch's __setitem__ (copy_to): copy_ for a same-shaped value, fill_ for
// a 0-dim one, otherwise the value loses its leading 1s (ViewBackward0) and is expanded
// (ExpandBackward0). Expected values recorded with PyTorch 2.6.
import { describe, expect, it } from "vitest";
import * as T from "../../../engine/index.ts";
import { setItem as setIndex, type IndexItem as IndexSpec } from "../../../engine/ops/subscript.ts";

const all: IndexSpec = { kind: "slice", start: null, stop: null, step: null };
const range = (start: number | null, stop: number | null): IndexSpec => ({ kind: "slice", start, stop, step: null });
const at = (value: number): IndexSpec => ({ kind: "int", value });
const nextNames = (t: T.Tensor) => t.gradFn!.next.map((e) => (e ? e.node.name : null));

describe("setIndex", () => {
  it("a value of fewer dims is viewed and expanded: CopySlices -> (None, ExpandBackward0 -> ViewBackward0)", () => {
    const rt = new T.Runtime();
    const a = T.tensor(rt, [1, 2, 3], { requiresGrad: true });
    const b = T.zeros(rt, [2, 3]);
    setIndex(b, [all], a);
    expect(b.gradFn!.name).toBe("CopySlices");
    expect(nextNames(b)).toEqual([null, "ExpandBackward0"]);
    expect(b.gradFn!.next[1]!.node.next.map((e) => e?.node.name)).toEqual(["ViewBackward0"]);
    expect(b.values()).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it("leading 1s are dropped by a view when the rest already fits", () => {
    const rt = new T.Runtime();
    const a = T.tensor(rt, [1, 2, 3], { requiresGrad: true });
    const b = T.zeros(rt, [3]);
    setIndex(b, [all], T.view(a, [1, 3]));
    expect(nextNames(b)).toEqual([null, "ViewBackward0"]);
  });

  it("a slice from 0 to exactly the size is skipped: b[0:2] = a copies into b itself (CopyBackwards)", () => {
    const rt = new T.Runtime();
    const a = T.tensor(rt, [1, 2, 3], { requiresGrad: true });
    const b = T.zeros(rt, [2, 3]);
    setIndex(b, [range(0, 2)], a);
    expect(b.gradFn!.name).toBe("CopyBackwards");
    expect(nextNames(b)).toEqual([null, "ExpandBackward0"]);
  });

  it("a value that cannot expand raises expand's error", () => {
    const rt = new T.Runtime();
    const b = T.zeros(rt, [2, 3]);
    expect(() => setIndex(b, [range(0, 2)], T.ones(rt, [2]))).toThrow(
      "The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 1.  Target sizes: [2, 3].  Tensor sizes: [2]",
    );
  });

  it("Python numbers are cast to the tensor's dtype", () => {
    const rt = new T.Runtime();
    const b = T.zeros(rt, [2, 3]);
    setIndex(b, [at(0)], 5);
    setIndex(b, [at(1)], T.tensor(rt, 7));
    setIndex(b, [all, at(1)], true);
    expect(b.values()).toEqual([5, 1, 5, 7, 1, 7]);
    const c = T.zeros(rt, [2], { dtype: "int64" });
    setIndex(c, [at(0)], 2.7);
    expect(c.values()).toEqual([2, 0]);
  });

  it("a 0-dim destination copies (CopyBackwards), a larger one fills (both edges kept)", () => {
    const rt = new T.Runtime();
    const x = T.tensor(rt, 3, { requiresGrad: true });
    const b = T.zeros(rt, [3]);
    setIndex(b, [at(1)], x);
    expect(nextNames(b)).toEqual([null, "AccumulateGrad"]);
    expect(b.gradFn!.wrapped!.name).toBe("CopyBackwards");
    setIndex(b, [range(1, null)], T.mul(x, 2));
    expect(nextNames(b)).toEqual(["CopySlices", "MulBackward0"]);
    expect(b.gradFn!.wrapped!.name).toBe("FillBackward3");
    T.backward(T.sum(b));
    expect(x.grad!.values()).toEqual([4]);
  });
});
