# nn.Parameter: a Tensor subclass that shares its data's storage, requires grad by default, and
# prints with "Parameter containing:"; ops on it give plain tensors
import torch
import torch.nn as nn

p = nn.Parameter(torch.ones(2))
print(p)
print(repr(p))
print(str(p))
print(f"{p}")
print(type(p), type(p * 2), type(p.detach()), type(p.data), type(p.clone()))
with torch.no_grad():
    print(type(p.add_(1)))
print(isinstance(p, torch.Tensor), isinstance(p, nn.Parameter), isinstance(torch.ones(1), nn.Parameter))
print(p.is_leaf, p.requires_grad, p.grad_fn, p.grad)
print(nn.Parameter(torch.zeros(2), requires_grad=False))
print(nn.Parameter())
print(nn.Parameter(torch.tensor(3.0)))
print(nn.Parameter.__module__, nn.Parameter.__name__, nn.Parameter is torch.nn.parameter.Parameter)

t = torch.ones(2)
q = nn.Parameter(t)
t.add_(1)
print(q, q._version, t._version, q.data_ptr() == t.data_ptr())

x = torch.ones(2, requires_grad=True)
y = x * 2
pp = nn.Parameter(y)
print(pp, pp.is_leaf, pp.grad_fn)

w = nn.Parameter(torch.tensor([1.0, 2.0, 3.0]))
loss = (w * w).sum()
loss.backward()
print(loss, w.grad)
try:
    nn.Parameter(torch.tensor([1, 2]))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    w.add_(1)
except RuntimeError as e:
    print("RuntimeError:", e)
print(f"{nn.Parameter(torch.tensor(3.0)):.2f}")
