# randperm, bernoulli and bernoulli_: PyTorch's draws for a seeded generator
import torch
print(torch.randperm(5, generator=torch.Generator().manual_seed(0)), torch.randperm(0), torch.randperm(1))
print(torch.randperm(12, generator=torch.Generator().manual_seed(42)))
print(torch.randperm(4, dtype=torch.float64, generator=torch.Generator().manual_seed(1)))
print(torch.bernoulli(torch.full((10,), 0.5), generator=torch.Generator().manual_seed(3)))
print(torch.empty(10).bernoulli_(0.4, generator=torch.Generator().manual_seed(3)))
p = torch.tensor([0.1, 0.5, 0.9], requires_grad=True)
b = torch.bernoulli(p, generator=torch.Generator().manual_seed(7))
print(b, b.grad_fn)
torch.manual_seed(11)
idx = torch.randperm(8)
data = torch.arange(8.0) * 10
print(idx, data[idx])
