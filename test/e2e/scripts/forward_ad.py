import torch
import torch.autograd.forward_ad as fwAD

x = torch.tensor([1., 2., 3.])
with fwAD.dual_level():
    dx = fwAD.make_dual(x, torch.tensor([1., 0., 0.]))
    y = dx.sin() * dx
    print(fwAD.unpack_dual(y))
