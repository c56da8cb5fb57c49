// The scalar MLP graph made by the real engine: micrograd's MLP written against engine ops, traced.

import { Runtime, add, mul, pow, sub, tanh, tensor } from "../../../engine/index.ts";
import type { Tensor } from "../../../engine/index.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { graphFromTrace } from "../../../renderer/layout/from-trace.ts";
import type { LayoutGraph } from "../../../renderer/layout/types.ts";

/** The script this mirrors, op for op (run by PyTorch it makes the same grad_fn graph):
 *
 *     class Neuron:
 *         def __init__(self, nin):
 *             self.w = [torch.tensor(random.uniform(-1, 1), requires_grad=True) for _ in range(nin)]
 *             self.b = torch.tensor(random.uniform(-1, 1), requires_grad=True)
 *         def __call__(self, x):
 *             return sum((wi * xi for wi, xi in zip(self.w, x)), self.b).tanh()
 *     ...layers of `width` neurons, then one output neuron...
 *     loss = (mlp([2.0, 3.0, -1.0]) - 1.0) ** 2
 */
export function engineMlpEvents(inputs: number, width: number, hiddenLayers: number): TraceEvent[] {
  const events: TraceEvent[] = [];
  const rt = new Runtime({ sink: (e) => events.push(e) });
  let seed = 1;
  const uniform = (): number => {
    seed = (seed * 48271) % 2147483647;
    return (seed / 2147483647) * 2 - 1;
  };
  const param = (): Tensor => tensor(rt, uniform(), { requiresGrad: true });
  const neuron = (nin: number) => {
    const w = Array.from({ length: nin }, param);
    const b = param();
    return (x: (Tensor | number)[]): Tensor => {
      let act: Tensor = b;
      for (let i = 0; i < nin; i++) act = add(act, mul(w[i], x[i]));
      return tanh(act);
    };
  };
  const layers: ((x: (Tensor | number)[]) => Tensor)[][] = [];
  let nin = inputs;
  for (let l = 0; l < hiddenLayers; l++) {
    layers.push(Array.from({ length: width }, () => neuron(nin)));
    nin = width;
  }
  layers.push([neuron(nin)]);
  let x: (Tensor | number)[] = Array.from({ length: inputs }, (_, i) => [2.0, 3.0, -1.0][i % 3]);
  for (const layer of layers) x = layer.map((n) => n(x));
  pow(sub(x[0] as Tensor, 1.0), 2);
  return events;
}

export function engineMlpGraph(inputs: number, width: number, hiddenLayers: number): LayoutGraph {
  return graphFromTrace(engineMlpEvents(inputs, width, hiddenLayers));
}
