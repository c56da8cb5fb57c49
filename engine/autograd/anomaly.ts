// Anomaly mode (torch.autograd.set_detect_anomaly / detect_anomaly), as PyTorch's engine runs
// it: a node made while it is on remembers the Python stack of its forward call (and, for a node
// made by a create_graph backward, the node whose backward made it); a node whose backward
// returns NaN fails with "Function 'X' returned nan values in its 0th output."; and any error
// in a node's backward warns with the stack of the forward call that made the node.
import { runtimeError } from "../errors.ts";
import type { AnomalyMeta, Runtime, WarningPlace } from "../runtime.ts";
import type { Tensor } from "../tensor.ts";

const TORCH = "/usr/lib/python3/dist-packages/torch";
const RUN_BACKWARD = "return Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass";

/** where PyTorch's C++ warnings from a backward show: the Python line that called the engine */
export const ENGINE_CALL: WarningPlace = { file: `${TORCH}/autograd/graph.py`, line: 823, text: RUN_BACKWARD };

const frame = (file: string, line: number, fn: string, text: string): string =>
  `  File "${TORCH}/${file}", line ${line}, in ${fn}\n    ${text}\n`;
const ENGINE_FRAME = frame("autograd/graph.py", 823, "_engine_run_backward", RUN_BACKWARD);

/** torch's own frames under the call that started a backward, as format_stack lists them */
export const TORCH_FRAMES = {
  tensor:
    frame("_tensor.py", 626, "backward", "torch.autograd.backward(") +
    frame("autograd/__init__.py", 347, "backward", "_engine_run_backward(") +
    ENGINE_FRAME,
  function: frame("autograd/__init__.py", 347, "backward", "_engine_run_backward(") + ENGINE_FRAME,
  grad: frame("autograd/__init__.py", 496, "grad", "result = _engine_run_backward(") + ENGINE_FRAME,
};

/** what a node made now records, or null when anomaly mode is off */
export function anomalyMeta(rt: Runtime, name: string): AnomalyMeta | null {
  if (!rt.anomalyEnabled) return null;
  const stack = rt.forwardStack ? rt.forwardStack() + rt.backwardFrames : null;
  return { name, stack, parent: rt.evaluating };
}

/** the engine's check after a node's backward: no NaN in any gradient it returned */
export function checkNan(rt: Runtime, name: string, grads: readonly (Tensor | null)[]): void {
  if (!rt.anomalyEnabled || !rt.anomalyCheckNan) return;
  grads.forEach((g, i) => {
    if (!g) return;
    const d = g.contiguousData();
    for (let k = 0; k < d.length; k++)
      if (Number.isNaN(d[k])) throw runtimeError(`Function '${name}' returned nan values in its ${i}th output.`);
  });
}

/** an error in the backward of the node `meta` describes: the warnings anomaly mode adds */
export function reportAnomaly(rt: Runtime, meta: AnomalyMeta): void {
  const triggered = (line: number): string => ` (Triggered internally at ./torch/csrc/autograd/python_anomaly_mode.cpp:${line}.)`;
  const noInfo = (name: string): string =>
    `Error detected in ${name}. No forward pass information available. Enable detect anomaly during forward pass for more information.${triggered(100)}`;
  rt.warn(
    "UserWarning",
    meta.stack === null ? noInfo(meta.name) : `Error detected in ${meta.name}. Traceback of forward call that caused the error:\n${meta.stack}${triggered(122)}`,
    ENGINE_CALL,
  );
  for (let p = meta.parent; p; p = p.parent)
    rt.warn(
      "UserWarning",
      p.stack === null
        ? noInfo(p.name)
        : `\n\nPrevious calculation was induced by ${p.name}. Traceback of forward call that induced the previous calculation:\n${p.stack}${triggered(129)}`,
      ENGINE_CALL,
    );
}
