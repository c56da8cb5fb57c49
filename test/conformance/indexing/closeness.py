# isclose, allclose and equal: |a - b| <= atol + rtol * |b| in the tensors' own precision
import torch
x = torch.tensor([1.0, 2.0, float('nan'), float('inf'), -float('inf'), 1e-9])
y = torch.tensor([1.0 + 1e-6, 2.1, float('nan'), float('inf'), float('inf'), 0.0])
print(torch.isclose(x, y), torch.isclose(x, y, equal_nan=True), torch.isclose(x, y, rtol=0.1, atol=0))
print(torch.allclose(x[:2], y[:2]), torch.allclose(x, y, equal_nan=True), x.isclose(y).dtype, x[:1].allclose(y[:1]))
print(torch.isclose(torch.tensor([1, 2]), torch.tensor([1, 3])), torch.isclose(torch.ones(2, 1), torch.ones(3)))
print(torch.equal(torch.tensor([1, 2]), torch.tensor([1.0, 2.0])), torch.equal(torch.tensor([float('nan')]), torch.tensor([float('nan')])))
print(x.equal(x.clone()), torch.equal(x[:2], x[:1]), torch.allclose(torch.tensor([0.1]) * 3, torch.tensor([0.3])))
a = torch.tensor([0.1, 0.2], requires_grad=True)
print(torch.isclose(a * 3, torch.tensor([0.3, 0.6])), torch.isclose(a * 3, torch.tensor([0.3, 0.6])).requires_grad)
for f in [lambda: torch.isclose(x, y.double()), lambda: torch.allclose(torch.ones(2), torch.ones(3)), lambda: torch.isclose(x, 1.0),
          lambda: torch.isclose(x, y, rtol=-1), lambda: torch.isclose(x, y, atol=-1), lambda: torch.equal(x, 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
