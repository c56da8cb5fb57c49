# In-place ops on dual tensors update the tangent in place; writing a dual into a plain tensor gives it a tangent
import torch
import torch.autograd.forward_ad as fwAD

x = torch.tensor([1.0, 2.0, 3.0])
t = torch.tensor([0.5, 1.0, -1.0])
with fwAD.dual_level():
    d = fwAD.make_dual(x, t)
    d.mul_(3)
    print(d)
    print(x, t, d._version, x._version)
    d.add_(torch.ones(3))
    print(d, t)
    d.sub_(2, alpha=0.5)
    print(d)
    d.div_(torch.tensor([2.0, 4.0, 8.0]))
    print(d)
    e = d.clone()
    e.exp_()
    print(e)
    e.sin_()
    print(e)
    e.pow_(2)
    print(e)
    e.clamp_(0.2, 0.8)
    print(e)
    e.zero_()
    print(e)
    plain = torch.zeros(3)
    plain.copy_(d)
    print(plain)
    grid = torch.zeros(2, 3)
    grid[1] = d
    print(grid)
    print(fwAD.unpack_dual(grid[0]).tangent)
    row = torch.zeros(3)
    row[1] = d[0]
    print(row)
    other = fwAD.make_dual(torch.ones(3), torch.full((3,), 2.0))
    p = torch.ones(3)
    p.mul_(other)
    print(p)
    p += other
    print(p)
    q = fwAD.make_dual(torch.ones(3), torch.zeros(3))
    q *= d
    print(q)
print(t)
