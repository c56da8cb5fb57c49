# In-place writes PyTorch refuses: outputs of multi-output views, expanded tensors, overlaps
import torch

a = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
b = a * 1
r0, r1 = b
try:
    r0.mul_(2)
except RuntimeError as e:
    print(e)
try:
    r1[0] = 0.
except RuntimeError as e:
    print(e)
b.mul_(2)
try:
    print(r0.grad_fn)
except RuntimeError as e:
    print(e)

c = (a * 1)[0]
e = c.expand(3, 2)
try:
    e.mul_(2)
except RuntimeError as err:
    print(err)

d = torch.arange(5.)
try:
    d[1:] = d[:-1]
except RuntimeError as err:
    print(err)
try:
    d[1:].add_(d[:-1])
except RuntimeError as err:
    print(err)
d[:] = d
d.add_(d)
print(d)
m = torch.arange(6.).view(2, 3)
try:
    m.t().copy_(m.view(3, 2))
except RuntimeError as err:
    print(err)
