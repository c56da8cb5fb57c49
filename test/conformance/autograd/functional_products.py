# vjp, jvp, hvp, vhp and hessian from torch.autograd.functional, with and without create_graph
import torch
from torch.autograd.functional import hessian, hvp, jvp, vhp, vjp

def f(x):
    return x.exp() * 2

def cube_sum(x):
    return (x ** 3).sum()

x = torch.tensor([1.0, 2.0, 3.0])
print(vjp(f, x, torch.ones(3)))
print(vjp(cube_sum, x))
print(jvp(f, x, torch.ones(3)))
print(hvp(cube_sum, x, torch.ones(3)))
print(vhp(cube_sum, x, torch.ones(3)))
print(hessian(cube_sum, x))
a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0])
print(hessian(lambda p, q: (p * q).sum(), (a, b)))

xr = torch.tensor([1.0, 2.0], requires_grad=True)
print(vjp(f, xr, torch.ones(2), create_graph=True))
print(jvp(f, xr, torch.ones(2), create_graph=True))
print(hvp(cube_sum, xr, torch.ones(2), create_graph=True))
H = hessian(cube_sum, xr, create_graph=True)
print(H)
H.sum().backward()
print(xr.grad)
