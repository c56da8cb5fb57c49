# .tolist() gives Python numbers exactly; .numpy() gives an array that prints as NumPy prints it
import torch
x = torch.tensor([[1.5, -2.0], [0.25, 3.0]], requires_grad=True)
print(x.tolist(), torch.tensor([1, 2]).tolist(), torch.tensor(3.5).tolist(), torch.tensor([True, False]).tolist())
print(torch.tensor([0.1, 0.2]).tolist(), torch.tensor([0.1], dtype=torch.float64).tolist(), torch.tensor([[1, 2]], dtype=torch.int32).tolist())
a = x.detach().numpy()
print(a)
print(repr(a))
print(a.shape, a.dtype, a.ndim, a.size, a.tolist())
g = torch.Generator().manual_seed(0)
for t in [torch.randn(3, 4, generator=g), torch.arange(30.0), torch.tensor([1e-5, 1.0]), torch.tensor([123456.789, 1.5]),
          torch.tensor([[1, -20], [300, 4]]), torch.tensor([True, False]), torch.tensor(3.5), torch.tensor([float('nan'), float('inf'), 1.0]),
          torch.tensor([1.0, 2.0], dtype=torch.float64) / 3, torch.zeros(0), torch.zeros(2, 0), torch.linspace(0, 1, 11)]:
    a = t.numpy()
    print(a)
    print(repr(a))
try:
    x.numpy()
except RuntimeError as e:
    print(e)
