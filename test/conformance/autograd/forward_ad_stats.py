# Tangents of var, std, prod and the vector norms (derivatives.yaml's result: lines, FunctionsManual's
# norm_jvp), float32 and float64, with zeros in the input and along dims
import torch
import torch.autograd.forward_ad as fwAD
torch.manual_seed(4)
m, tm = torch.randn(4, 5), torch.randn(4, 5)
z = m.clone(); z[1, 2] = 0.0; z[3, 0] = 0.0
L = lambda r: fwAD.unpack_dual(r).tangent.tolist()
with fwAD.dual_level():
    for dt in [torch.float32, torch.float64]:
        d = fwAD.make_dual(m.to(dt), tm.to(dt))
        dz = fwAD.make_dual(z.to(dt), tm.to(dt))
        print("var", L(d.var()), L(d.var(1)), L(d.var(0, keepdim=True)), L(d.var(correction=0)), L(d.var((0, 1))))
        print("std", L(d.std()), L(d.std(1)), L(d.std(0, keepdim=True, correction=0)))
        print("std_const", L(fwAD.make_dual(torch.ones(3, dtype=dt), torch.randn(3, dtype=dt)).std()))
        print("norm", L(d.norm()), L(d.norm(dim=1)), L(d.norm(p=1)), L(d.norm(p=3, dim=0)), L(d.norm(p=1.5)), L(d.norm(p=0.5, dim=1, keepdim=True)))
        print("norm_inf", L(d.norm(p=float("inf"))), L(d.norm(p=float("inf"), dim=1)), L(d.norm(p=float("inf"), dim=0, keepdim=True)))
        print("norm_zero", L(fwAD.make_dual(torch.zeros(3, dtype=dt), torch.randn(3, dtype=dt)).norm()), L(dz.norm(p=0)))
        print("norm_dims", L(d.norm(dim=(0, 1))), L(d[0].norm()))
        print("prod", L(d.prod()), L(d.prod(1)), L(d.prod(0, keepdim=True)))
        print("prod_zeros", L(dz.prod()), L(dz.prod(1)), L(dz.prod(0)))

from torch.func import jacfwd, jacrev
x = torch.randn(3, 4, dtype=torch.float64)
for f in [lambda v: v.var(1), lambda v: v.std(), lambda v: v.prod(0), lambda v: v.norm(dim=1), lambda v: v.norm(p=3)]:
    print(torch.allclose(jacfwd(f)(x), jacrev(f)(x)))
