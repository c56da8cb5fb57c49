# F.softsign, tanhshrink, softmin and normalize, written in Python in torch/nn/functional.py: the same steps, grad_fns and warning
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
for f in [F.softsign, F.tanhshrink]:
    y = f(x)
    print(y)
    y.sum().backward()
    print(x.grad)
    x.grad = None
y = F.softmin(x, dim=1)
print(y, F.softmin(x, 0, dtype=torch.float64))
print(F.softmin(x))
n = F.normalize(x)
print(n, F.normalize(x, p=1.0, dim=0), F.normalize(x, dim=-1, eps=10.0))
(n * torch.arange(12.0).reshape(3, 4)).sum().backward()
print(x.grad)
print(F.normalize(torch.zeros(2, 3)))
print(F.normalize(torch.tensor([3.0, 4.0]), dim=0))
print(F.softsign(torch.tensor(2)), F.tanhshrink(torch.tensor([0.5], dtype=torch.float64)))
