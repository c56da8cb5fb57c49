# Grad modes and forward AD: no_grad still carries tangents, detach and .data drop them, forward grad can be switched off
import torch
import torch.autograd.forward_ad as fwAD

x = torch.tensor([[1.0, -2.0], [3.0, 0.5]])
t = torch.tensor([[0.1, 0.2], [0.3, 0.4]], dtype=torch.float64)
with fwAD.dual_level():
    d = fwAD.make_dual(x, t)
    print(d)
    with torch.no_grad():
        print(d * 2)
    with torch.inference_mode():
        print((d + 1).relu())
    print(fwAD.unpack_dual(d.detach()).tangent, fwAD.unpack_dual(d.data).tangent)
    print(fwAD._is_fwd_grad_enabled())
    with fwAD._set_fwd_grad_enabled(False):
        print(fwAD._is_fwd_grad_enabled())
        print(d * 2)
        print(fwAD.unpack_dual(d).tangent)
    print(d * 2)
    big = fwAD.make_dual(torch.arange(12.0).reshape(3, 4) * 1000.5, torch.ones(3, 4) * 1e-5)
    print(big)
    print(big.sum(), big[0, 0])
    long_name_to_check_width = fwAD.make_dual(torch.linspace(0, 1, 9), torch.linspace(-1, 1, 9))
    print(long_name_to_check_width)
    print([fwAD.unpack_dual(long_name_to_check_width.sin()).tangent])
    print(repr(fwAD.make_dual(torch.tensor(1.5, dtype=torch.float64), torch.tensor(-0.25, dtype=torch.float64))))
    print(f"{fwAD.make_dual(torch.tensor(3.0), torch.tensor(1.0))}")
    print(str(fwAD.unpack_dual(d)))
    with torch.inference_mode():
        print(d)
        print(fwAD.unpack_dual(d).tangent)
