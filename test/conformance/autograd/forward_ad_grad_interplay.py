# A primal that requires grad: the dual is a differentiable view, tangents get grad_fns, backward still works
import torch
import torch.autograd.forward_ad as fwAD

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
t = torch.tensor([0.5, 1.0, -1.0])
x = torch.tensor([2.0, -1.0, 0.5])
with fwAD.dual_level():
    d = fwAD.make_dual(w, t)
    print(d)
    print(d.grad_fn, d.is_leaf, d.requires_grad, d._base is w)
    p = fwAD.unpack_dual(d).primal
    print(p, p._base is w)
    y = d.sin()
    print(y)
    print(d * x)
    print(x * d)
    print(d + x)
    print(d * 2)
    print(d.exp())
    z = (d * d).sum()
    print(z)
    py = fwAD.unpack_dual(y).primal
    print(py, py.grad_fn.next_functions)
    z.backward()
    print(w.grad)
    with torch.no_grad():
        q = d * 3
    print(q)
    tr = torch.ones(3, requires_grad=True)
    dd = fwAD.make_dual(x, tr)
    print(dd)
    print(dd * 2)
    print(dd.sin())
    g, = torch.autograd.grad(fwAD.unpack_dual(dd.sin()).tangent.sum(), tr)
    print(g)
