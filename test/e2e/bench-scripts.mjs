// The scalar MLPs the app benchmarks step through (bench.mjs, profile-steps.mjs).

/** inputs and layer widths of the MLP that gives about that many graph nodes */
export const MLPS = { 500: [8, [8, 10, 1]], 2000: [12, [16, 24, 1]], 5000: [16, [36, 28, 1]], 10000: [20, [64, 32, 1]], 20000: [24, [64, 64, 16, 1]] };

export function mlpSource(inputs, widths) {
  const sizes = [inputs, ...widths];
  return `# A scalar MLP (one neuron = a chain of mul/add and a tanh), its loss and backward.
import torch
torch.manual_seed(0)
def neuron(xs, ws, b):
    s = b
    for x, w in zip(xs, ws):
        s = s + x * w
    return s.tanh()
xs = [torch.tensor(float(i) / 10) for i in range(${inputs})]
layers = []
for n_in, n_out in [${widths.map((w, i) => `(${sizes[i]}, ${w})`).join(", ")}]:
    layers.append([([torch.randn(()).requires_grad_() for _ in range(n_in)], torch.randn(()).requires_grad_()) for _ in range(n_out)])
h = xs
for layer in layers:
    h = [neuron(h, ws, b) for ws, b in layer]
loss = (h[0] - 1.0) ** 2
loss.backward()
print(loss)
`;
}
