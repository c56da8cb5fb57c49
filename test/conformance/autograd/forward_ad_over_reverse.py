# Forward over reverse: a tangent riding through backward gives a Hessian-vector product
import torch
import torch.autograd.forward_ad as fwAD


def f(x):
    return (x[0] ** 2 * x[1] + x[1].sin() * x[2] + x.exp().sum()) / 3


x = torch.tensor([0.5, -1.0, 2.0])
v = torch.tensor([1.0, 0.0, -2.0])
with fwAD.dual_level():
    leaf = x.clone().requires_grad_()
    dual = fwAD.make_dual(leaf, v)
    y = f(dual)
    print(y)
    g, = torch.autograd.grad(y, dual)
    print(g)
    grad, hv = fwAD.unpack_dual(g)
    print(grad, hv)
    g2, = torch.autograd.grad(f(dual), dual, create_graph=True)
    print(g2)
print(torch.autograd.functional.hvp(f, x, v))
print(torch.autograd.functional.hessian(f, x) @ v)
print(torch.func.hessian(f)(x))
print(torch.func.jacfwd(torch.func.grad(f))(x))
