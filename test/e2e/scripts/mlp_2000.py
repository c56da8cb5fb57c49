# A scalar MLP (8-16-16-1, one neuron = a chain of mul/add and a tanh): about 2000 autograd nodes.
import torch
torch.manual_seed(0)
def neuron(xs, ws, b):
    s = b
    for x, w in zip(xs, ws):
        s = s + x * w
    return s.tanh()
xs = [torch.tensor(float(i) / 10) for i in range(8)]
layers = []
for n_in, n_out in [(8, 16), (16, 16), (16, 1)]:
    layers.append([([torch.randn(()).requires_grad_() for _ in range(n_in)], torch.randn(()).requires_grad_()) for _ in range(n_out)])
h = xs
for layer in layers:
    h = [neuron(h, ws, b) for ws, b in layer]
loss = (h[0] - 1.0) ** 2
loss.backward()
print(loss)
