# tensor.random_() without bounds draws over the whole range of the tensor's dtype (and so takes
# as many draws from the generator as PyTorch does: what follows stays in step)
import torch

for dt in [torch.float32, torch.float64, torch.int32, torch.bool]:
    torch.manual_seed(3)
    t = torch.empty(5, dtype=dt).random_()
    print(dt, t.tolist(), torch.rand(2))
torch.manual_seed(3)
torch.empty(4, dtype=torch.int64).random_()
print(torch.rand(2))
g = torch.Generator().manual_seed(11)
print(torch.empty(3).random_(generator=g), torch.empty(3).random_(10, generator=g), torch.empty(2).random_(-5, 5))
print(torch.empty(3, dtype=torch.int64).random_(2**40, 2**40 + 100, generator=g))
