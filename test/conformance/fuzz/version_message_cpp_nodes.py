# Found by the differential fuzzer: a saved tensor whose grad_fn is a node PyTorch writes by hand
# in C++ (CopyBackwards, CopySlices) is named in the version error as name() names it.
import torch
a = torch.tensor([[1., -2.], [0.5, 3.]], requires_grad=True)
g = torch.autograd.grad((a * a).sum(), a, create_graph=True)[0]
b = torch.tensor([1., 2.], requires_grad=True)
(b * b).sum().backward(create_graph=True)
print(b.grad.grad_fn.name())
h = b.grad * b.grad
with torch.no_grad():
    b.grad.mul_(2)
try:
    h.sum().backward()
except RuntimeError as e:
    print(e)
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 1
y[0] = 5.
print(y.grad_fn.name())
z = y * y
with torch.no_grad():
    y.add_(1)
z.sum().backward()
