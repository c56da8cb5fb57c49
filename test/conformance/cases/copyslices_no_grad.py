# In-place on views under no_grad, and views made under no_grad then modified with grad on
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a * 2
v = b[1:]
with torch.no_grad():
    v.mul_(2)
print(b)
print(v)
print(b.grad_fn, v.grad_fn.name())
b.sum().backward()
print(a.grad)

b = a * 2
with torch.no_grad():
    nv = b[1:]
print(nv.requires_grad, nv.grad_fn, nv.is_leaf)
print(nv)
try:
    nv.mul_(2)
except RuntimeError as e:
    print(e)
print(b._version)
with torch.no_grad():
    nv.mul_(2)
print(b)
try:
    print(nv.grad_fn)
except RuntimeError as e:
    print(e)

# a view made under no_grad of a tensor that needs no grad is free to change
c = torch.ones(3)
with torch.no_grad():
    cv = c[:2]
cv.add_(1)
print(c, cv.grad_fn)
