// The bench's MLP as a Python script run by the Gradlens interpreter: micrograd's MLP with 0-d tensors.

import { runPython } from "../../../engine/python/run.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { graphFromTrace } from "../../../renderer/layout/from-trace.ts";
import type { LayoutGraph } from "../../../renderer/layout/types.ts";

/** micrograd's MLP (a neuron = tanh(b + w0*x0 + w1*x1 + ...)) in the interpreter's Python subset,
 *  with `inputs` inputs, `hiddenLayers` layers of `width` neurons, one output, squared error. */
export function mlpScript(inputs: number, width: number, hiddenLayers: number): string {
  const sizes = [...Array.from({ length: hiddenLayers }, () => width), 1];
  return `import torch

def make_neuron(nin, k):
    w = [torch.tensor(0.1 * ((i + k) % 7 - 3), requires_grad=True) for i in range(nin)]
    b = torch.tensor(0.01 * (k % 5), requires_grad=True)
    return (w, b)

def neuron(params, x):
    w, b = params
    act = b
    for wi, xi in zip(w, x):
        act = act + wi * xi
    return act.tanh()

sizes = [${sizes.join(", ")}]
layers = []
nin = ${inputs}
for nout in sizes:
    layers.append([make_neuron(nin, k) for k in range(nout)])
    nin = nout

x = [${Array.from({ length: inputs }, (_, i) => [2.0, 3.0, -1.0][i % 3].toFixed(1)).join(", ")}]
for layer in layers:
    x = [neuron(p, x) for p in layer]
loss = (x[0] - 1.0) ** 2
print(loss)
`;
}

export function scriptMlpGraph(inputs: number, width: number, hiddenLayers: number): LayoutGraph {
  const events: TraceEvent[] = [];
  const outcome = runPython(mlpScript(inputs, width, hiddenLayers), {
    sink: (e) => events.push(e),
    filename: "mlp.py",
  });
  if (outcome.exitCode !== 0) throw new Error(`the MLP script failed: ${outcome.stderr}`);
  return graphFromTrace(events);
}
