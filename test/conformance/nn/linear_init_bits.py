# nn.Linear's seeded initialisation (kaiming_uniform_ with a=sqrt(5), the bias uniform in
# +-1/sqrt(fan_in)) gives PyTorch's numbers to the last bit
import torch
import torch.nn as nn

torch.manual_seed(0)
l = nn.Linear(3, 2)
print(l.weight)
print(l.bias)
print(l.weight.tolist(), l.bias.tolist())
for a, b in [(1, 1), (5, 7), (100, 30), (3, 17), (64, 10)]:
    l = nn.Linear(a, b)
    print(a, b, l.weight.tolist()[0][:4], l.bias.tolist()[:4], l.weight.sum().item(), l.bias.sum().item())
l = nn.Linear(3, 2, bias=False)
print(l, l.bias, l.weight.tolist())
l = nn.Linear(4, 3, dtype=torch.float64)
print(l.weight.dtype, l.weight.tolist(), l.bias.tolist())
torch.manual_seed(42)
print(nn.Linear(2, 2).weight.tolist())
g = torch.Generator().manual_seed(7)
print(torch.rand(2, generator=g).tolist())
print(torch.rand(2).tolist())
