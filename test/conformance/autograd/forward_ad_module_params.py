# Forward AD with respect to a module's parameters: swap them for dual tensors (not Parameters)
import torch
import torch.nn as nn
import torch.autograd.forward_ad as fwAD

torch.manual_seed(4)
model = nn.Linear(3, 2)
inp = torch.randn(4, 3)
params = {name: p for name, p in model.named_parameters()}
tangents = {name: torch.rand_like(p) for name, p in params.items()}
with fwAD.dual_level():
    for name, p in params.items():
        delattr(model, name)
        setattr(model, name, fwAD.make_dual(p, tangents[name]))
    out = model(inp)
    print(out)
    jvp = fwAD.unpack_dual(out).tangent
    print(jvp)
    print(model.weight)
    print(type(model.weight).__name__, list(model.parameters()))
manual = inp @ tangents["weight"].t() + tangents["bias"]
print(manual)
print(torch.allclose(jvp, manual))
print(model.weight)

net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
x = torch.randn(2, 3)
with fwAD.dual_level():
    print(net(fwAD.make_dual(x, torch.ones(2, 3))))
