// In-place variants of out-of-place ops (x.sin_(), x.exp_(), x.pow_(2), x.clamp_min_(0)...):
// the out-of-place op computes the values and supplies its own grad_fn name and formula, and
// the result is written into x as PyTorch's in-place kernels do. A formula that reads its input
// gets a clone of x made before the write (PyTorch's original_self, SinBackward0._saved_self);
// one that reads its result gets x after the write (ExpBackward0._saved_result is x itself).
import { atenTypeName, canCast } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import type { OpRecord } from "../autograd/record.ts";
import type { Tensor } from "../tensor.ts";
import { mutate } from "./inplace.ts";

/** x.op_(...) from `outOfPlace(x)`; `others`: the other tensor operands (pow_'s exponent) */
export function inplaceOf(t: Tensor, op: string, outOfPlace: (x: Tensor) => Tensor, others: Tensor[] = []): Tensor {
  const rt = t.rt;
  let rec: OpRecord | null = null;
  let recorded: Tensor | null = null;
  const capture = rt.recordCapture;
  const sink = rt.sink;
  let result: Tensor;
  rt.recordCapture = (r, out) => {
    rec = r;
    recorded = out;
  };
  rt.sink = null;
  try {
    result = outOfPlace(t);
  } finally {
    rt.recordCapture = capture;
    rt.sink = sink;
  }
  if (result.shape.join() !== t.shape.join())
    throw runtimeError(`output with shape [${t.shape.join(", ")}] doesn't match the broadcast shape [${result.shape.join(", ")}]`);
  if (!canCast(result.dtype, t.dtype))
    throw runtimeError(`result type ${atenTypeName(result.dtype)} can't be cast to the desired output type ${atenTypeName(t.dtype)}`);
  const values = result.values();
  const r = rec as OpRecord | null;
  if (!r || recorded !== result) return mutate(t, op, (_old, i) => values[i], null, others);
  const save: Record<string, Tensor> = {};
  let readsSelf = false;
  let readsResult = false;
  for (const [slot, s] of Object.entries(r.save ?? {})) {
    if (s === t && slot === "self") readsSelf = true;
    else if (s === result && slot === "result") readsResult = true;
    else if (s !== null) save[slot] = s;
  }
  return mutate(
    t,
    op,
    (_old, i) => values[i],
    {
      gradFn: r.gradFn,
      others: r.inputs.slice(1),
      backward: r.backward,
      save,
      saveLists: r.saveLists,
      args: r.args,
      original: readsSelf,
      saveResult: readsResult,
      jvp: r.jvp,
    },
    others,
  );
}
