# gradcheck's flags: raise_exception=False returns False; a backward that is not reentrant fails
# unless nondet_tol allows it; check_undefined_grad; atol/rtol; fast and slow mode agree
import torch
from torch.autograd import gradcheck

class Noisy(torch.autograd.Function):
    calls = 0

    @staticmethod
    def forward(ctx, a):
        return a * 3

    @staticmethod
    def backward(ctx, g):
        Noisy.calls += 1
        return g * 3 + Noisy.calls * 1e-9

x = torch.tensor([1.0, 2.0], dtype=torch.double, requires_grad=True)
print(gradcheck(Noisy.apply, (x,), raise_exception=False))
try:
    gradcheck(Noisy.apply, (x,))
except RuntimeError as e:
    print(e)
print(gradcheck(Noisy.apply, (x,), nondet_tol=1e-6))
print(gradcheck(Noisy.apply, (x,), nondet_tol=1e-6, fast_mode=True))

class IgnoresGrad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, g):
        return torch.ones_like(g) * 2

print(gradcheck(IgnoresGrad.apply, (x,), raise_exception=False))
print(gradcheck(IgnoresGrad.apply, (x,), raise_exception=False, fast_mode=True))
try:
    gradcheck(IgnoresGrad.apply, (x,), check_undefined_grad=False)
except RuntimeError as e:
    print(e)

f = lambda a: (a ** 3).sum()
print(gradcheck(f, (x,), eps=1e-3, atol=1e-2, fast_mode=True), gradcheck(f, (x,), eps=1e-3, atol=1e-2))
print(gradcheck(f, (x,), eps=1e-3, atol=1e-9, rtol=1e-9, raise_exception=False),
      gradcheck(f, (x,), eps=1e-3, atol=1e-9, rtol=1e-9, raise_exception=False, fast_mode=True))
print(gradcheck(f, (x,), check_batched_grad=False, check_grad_dtypes=True))
