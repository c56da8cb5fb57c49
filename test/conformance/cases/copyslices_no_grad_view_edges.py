# A view made under no_grad of a tensor that requires grad: requires_grad is True, yet it has
# no grad_fn and no AccumulateGrad, so gradients never reach it (nor its base)
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
with torch.no_grad():
    nv = a[1:]
print(nv)
print(nv.requires_grad, nv.is_leaf, nv.grad_fn)
try:
    nv.backward(torch.ones(2))
except RuntimeError as e:
    print(e)
try:
    g = torch.autograd.grad(nv.sum(), a)
except RuntimeError as e:
    print(e)
try:
    g = torch.autograd.grad((nv * 2).sum(), nv)
except RuntimeError as e:
    print(e)
print(torch.autograd.grad((nv * 2).sum(), nv, allow_unused=True))
y = nv * 2
print(y, y.grad_fn.next_functions)
y.sum().backward()
print(a.grad, nv.grad)
