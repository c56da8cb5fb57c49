import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
def show(t):
    print(t.tolist())
ln = nn.LayerNorm(5)
print(ln)
print(ln.weight, ln.bias)
x = torch.randn(3, 5, requires_grad=True)
y = ln(x)
print(y); show(y)
print(y.grad_fn.name())
(y * torch.randn(3, 5)).sum().backward()
show(x.grad)
show(ln.weight.grad); show(ln.bias.grad)
ln2 = nn.LayerNorm((2, 3), eps=1e-3, elementwise_affine=False)
print(ln2, list(ln2.parameters()))
z = torch.randn(4, 2, 3, requires_grad=True)
out = ln2(z)
show(out)
out.pow(2).sum().backward()
show(z.grad)
print(F.layer_norm(torch.arange(6.).view(2, 3), [3]))
print(F.layer_norm(torch.arange(6.).view(2, 3), (3,), torch.tensor([1., 2., 3.]), torch.tensor([0.5, 0., -0.5])))
print(nn.LayerNorm([4], bias=False))
try:
    F.layer_norm(torch.randn(2, 3), [4])
except RuntimeError as e:
    print(e)
try:
    F.layer_norm(torch.randn(2, 3), [3], torch.ones(4))
except RuntimeError as e:
    print(e)
try:
    F.layer_norm(torch.randn(2, 3), 3.0)
except TypeError as e:
    print(e)
print(F.layer_norm(torch.randn(2, 3), 3))
