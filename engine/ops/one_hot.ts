// F.one_hot(tensor, num_classes=-1): int64 rows with a 1 at each class index (no graph),
// with ATen's checks in ATen's order.
import { runtimeError } from "../errors.ts";
import { recordConstant } from "../autograd/record.ts";
import { filled, type Tensor } from "../tensor.ts";

export function oneHot(t: Tensor, numClasses = -1): Tensor {
  if (t.dtype !== "int64") throw runtimeError("one_hot is only applicable to index tensor of type LongTensor.");
  const v = t.values();
  let n = numClasses;
  if (v.length === 0) {
    if (n <= 0) throw runtimeError("Can not infer total number of classes from empty tensor.");
  } else {
    // a loop, not Math.min(...v): spreading a big tensor's values overflows the call stack
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of v) {
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
    }
    if (lo < 0) throw runtimeError("Class values must be non-negative.");
    if (n === -1) n = hi + 1;
    else if (n <= hi) throw runtimeError("Class values must be smaller than num_classes.");
  }
  const out = filled(t.rt, [...t.shape, n], "int64");
  v.forEach((c, i) => (out.storage.data[i * n + c] = 1));
  return recordConstant(out, "one_hot", [t]);
}
