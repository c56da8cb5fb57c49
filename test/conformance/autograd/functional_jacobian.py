# torch.autograd.functional.jacobian: one row per output element, one block per input;
# create_graph keeps the result differentiable; strict refuses outputs independent of an input
import torch
from torch.autograd.functional import jacobian

def f(x):
    return x ** 2 * 3

x = torch.tensor([1.0, 2.0, 3.0])
print(jacobian(f, x))

def g(a, b):
    return a * b, a.sum() + b

a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0])
print(jacobian(g, (a, b)))
xr = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
J = jacobian(f, xr, create_graph=True)
print(J, J.requires_grad)
J.trace().backward()
print(xr.grad)
print(jacobian(lambda t: t.sum(), x))
print(jacobian(lambda t: torch.ones(2), x))
try:
    jacobian(lambda t: torch.ones(2), x, strict=True)
except RuntimeError as e:
    print(e)
try:
    jacobian(lambda p, q: p * 2, (a, b), strict=True)
except RuntimeError as e:
    print(e)
try:
    jacobian(lambda t: 3.0, x)
except TypeError as e:
    print(e)
