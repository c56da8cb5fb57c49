# Dual tensors: make_dual, unpack_dual, how they print, and what leaving the level does
import torch
import torch.autograd.forward_ad as fwAD

x = torch.tensor([1.0, 2.0, 3.0])
v = torch.tensor([0.5, 1.0, -1.0])
print(fwAD.unpack_dual(x))

with fwAD.dual_level() as level:
    print("level", level)
    d = fwAD.make_dual(x, v)
    print(d)
    print(d.shape, d.dtype, d.requires_grad, d.is_leaf, d._base is x)
    u = fwAD.unpack_dual(d)
    print(u)
    print(type(u).__name__, u.primal._base is x, u.tangent is v)
    primal, tangent = u
    print(primal, tangent)
    print(u[0] is primal, len(u))
    print(fwAD.unpack_dual(x).tangent)
    s = fwAD.make_dual(torch.tensor(2.0), torch.tensor(0.25))
    print(s, s * s)
    y = d * d
    print(y)

print(d)
print(fwAD.unpack_dual(d))
print(fwAD.unpack_dual(y).tangent is None)

level = fwAD.enter_dual_level()
print(level)
d2 = fwAD.make_dual(x, v * 2)
print(d2 + 1)
fwAD.exit_dual_level()
print(d2)

@fwAD.dual_level()
def directional(point, direction):
    out = (fwAD.make_dual(point, direction) ** 2).sum()
    return fwAD.unpack_dual(out).tangent

print(directional(x, v))
