# gradcheck with check_forward_ad=True (forward-mode Jacobian against finite differences), a custom
# Function whose jvp drops what forward kept, and torch.func.functional_call with dual parameters
import torch
import torch.nn as nn
import torch.autograd.forward_ad as fwAD
from torch.func import functional_call


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        result = torch.exp(x)
        ctx.result = result
        return result

    @staticmethod
    def jvp(ctx, gx):
        out = gx * ctx.result
        del ctx.result
        return out


class WrongJvp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * x

    @staticmethod
    def jvp(ctx, gx):
        return gx


x = torch.tensor([[0.5, -1.0], [2.0, 0.25]], dtype=torch.double, requires_grad=True)
print(torch.autograd.gradcheck(Exp.apply, (x,), check_forward_ad=True, check_backward_ad=False, check_undefined_grad=False, check_batched_grad=False))
print(torch.autograd.gradcheck(lambda a: (a.sin() * a).sum(1), (x,), check_forward_ad=True, check_undefined_grad=False))
print(torch.autograd.gradcheck(WrongJvp.apply, (x,), check_forward_ad=True, check_backward_ad=False, check_undefined_grad=False, raise_exception=False))
try:
    torch.autograd.gradcheck(WrongJvp.apply, (x,), check_forward_ad=True, check_backward_ad=False, check_undefined_grad=False)
except Exception as e:
    print(type(e).__name__)
    print(e)

torch.manual_seed(0)
model = nn.Linear(3, 2)
inp = torch.randn(4, 3)
params = dict(model.named_parameters())
tangents = {name: torch.ones_like(p) for name, p in params.items()}
with fwAD.dual_level():
    duals = {name: fwAD.make_dual(p, tangents[name]) for name, p in params.items()}
    out = functional_call(model, duals, inp)
    print(out)
    print(fwAD.unpack_dual(out).tangent)
    print(functional_call(model, ({"weight": torch.zeros(2, 3)}, {"bias": torch.ones(2)}), (inp,)))
print(model.weight)
print(functional_call(model, {"bias": torch.zeros(2)}, inp, {}))
for bad in [lambda: functional_call(model, 3, inp), lambda: functional_call(model, [{"bias": 1}, {"bias": 2}], inp), lambda: functional_call(model, [{"bias": 1}, 2], inp)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
