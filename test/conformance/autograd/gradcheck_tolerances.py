# gradcheck's finite differences as PyTorch takes them (each element perturbed in place by
# +-eps in the input's dtype): float32 inputs warn and fail with the numerical Jacobian printed,
# a larger eps and tolerances pass; gradgradcheck catches a wrong double backward; the checks'
# own errors
import torch
from torch.autograd import gradcheck, gradgradcheck

torch.manual_seed(3)
x = torch.randn(3, requires_grad=True)
try:
    gradcheck(torch.sin, (x,))
except RuntimeError as e:
    print(type(e).__name__, e)
print(gradcheck(torch.sin, (x,), eps=1e-3, atol=1e-2, rtol=1e-2))
print(gradcheck(torch.exp, (x,), eps=1e-2, raise_exception=False))
try:
    gradcheck(lambda m: m.sum(1) * 2, (torch.randn(2, 2, requires_grad=True),), eps=1e-2, atol=1e-3)
except RuntimeError as e:
    print(e)


class OnceOnly(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        # right first derivative, but built from a detached x: its own derivative is wrong
        return g * 3 * x.detach() ** 2


d = torch.tensor([0.5, -1.5], dtype=torch.double, requires_grad=True)
print(gradcheck(OnceOnly.apply, (d,)))
try:
    gradgradcheck(OnceOnly.apply, (d,))
except RuntimeError as e:
    print(e)
print(gradgradcheck(OnceOnly.apply, (d,), raise_exception=False))
print(gradgradcheck(lambda t: t ** 3, (d,), (torch.ones(2, dtype=torch.double),)))
try:
    gradcheck(torch.sin, (torch.randn(2, dtype=torch.double),))
except ValueError as e:
    print("ValueError:", e)
try:
    gradcheck(torch.sin, (torch.randn(1, dtype=torch.double).expand(3).requires_grad_(),))
except RuntimeError as e:
    print("RuntimeError:", e)
gradcheck(lambda t: t.detach() * 2, (d,))
