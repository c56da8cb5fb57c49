# forward AD's tangent is the Jacobian-vector product autograd.functional computes by double backward
import torch
import torch.autograd.forward_ad as fwAD
from torch.autograd.functional import jacobian, jvp, hvp, hessian


def f(x):
    return torch.stack([x[0] * x[1], x[1].exp(), (x ** 2).sum()])


x = torch.tensor([0.5, -1.0, 2.0])
v = torch.tensor([1.0, 0.0, -1.0])
with fwAD.dual_level():
    out, tangent = fwAD.unpack_dual(f(fwAD.make_dual(x, v)))
print(out, tangent)
print(jvp(f, x, v))
print(jacobian(f, x) @ v)
print(torch.allclose(jacobian(f, x) @ v, tangent))


def g(x):
    return (x.sin() * x).sum()


print(hvp(g, x, v))
print(hessian(g, x) @ v)
print(torch.func.jvp(torch.func.grad(g), (x,), (v,)))
for i in range(3):
    e = torch.zeros(3)
    e[i] = 1.0
    with fwAD.dual_level():
        col = fwAD.unpack_dual(f(fwAD.make_dual(x, e))).tangent
    print(i, col)
print(jacobian(f, x))
