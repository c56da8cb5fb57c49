# In-place on a view of a leaf that requires grad is refused; under no_grad it is allowed
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
try:
    a[0] = 1.
except RuntimeError as e:
    print(e)
try:
    a[1:].add_(1)
except RuntimeError as e:
    print(e)
try:
    a.view(3, 1)[0].zero_()
except RuntimeError as e:
    print(e)
try:
    a.add_(1)
except RuntimeError as e:
    print(e)
print(a._version)

v = a[1:]
with torch.no_grad():
    a[0] = 10.
    v.mul_(2)
print(a)
print(a._version, a.is_leaf, a.grad_fn)
print(v)
print(v.grad_fn, v.grad_fn.next_functions)
v.sum().backward()
print(a.grad)

# a leaf that does not require grad: no autograd at all
z = torch.zeros(3)
z[1] = 4.
z[2:].add_(2)
print(z, z.grad_fn, z.is_leaf, z.requires_grad)
