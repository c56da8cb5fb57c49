# F.pad in constant mode (constant_pad_nd): sizes, values, negative pads cutting, ConstantPadNdBackward0 and its double backward, dtypes, ATen's errors
import torch
import torch.nn.functional as F
torch.manual_seed(0)
t4d = torch.empty(3, 3, 4, 2)
print(F.pad(t4d, (1, 1), "constant", 0).size())
print(F.pad(t4d, (1, 1, 2, 2), "constant", 0).size())
print(F.pad(t4d, (0, 1, 2, 1, 3, 3), "constant", 0).size())
x = torch.randn(2, 3, requires_grad=True)
y = F.pad(x, (1, 2), value=0.5)
print(y)
z = F.pad(x, [-1, 1, 1, 0])
print(z)
(y * torch.arange(12.0).reshape(2, 6)).sum().backward()
print(x.grad)
g, = torch.autograd.grad((z ** 2).sum(), x, create_graph=True)
print(g, g.grad_fn, g.grad_fn.next_functions)
print(F.pad(x, (-1, -1)), F.pad(x, (0, 0)).grad_fn)
print(F.pad(torch.arange(6).reshape(2, 3), (1, 1), value=2.7))
print(F.pad(torch.ones(2, dtype=torch.float64), (2, 0), value=1e-3))
print(F.pad(torch.tensor([True, False]), (1, 0)))
for bad in [(1,), (1, 1, 1, 1, 1, 1), (-2, -2)]:
    try:
        F.pad(x, bad)
    except RuntimeError as e:
        print(e)
x = torch.ones(2, 3)
for p in [(-2, -1), (-3, 0, 1, 0), (-4, 1), (1, -5), (-2, -2, 1, 1), (0, -3, 1, 0)]:
    try:
        print(p, F.pad(x, p).shape)
    except RuntimeError as e:
        print(p, e)
