# gradcheck(fast_mode=True) compares v^T J u for random unit vectors u, v (from a generator of its
# own: the program's random stream is untouched); on failure it prints both numbers, then both
# Jacobians recomputed the slow way
import torch
from torch.autograd import gradcheck, gradgradcheck

torch.manual_seed(0)
x = torch.randn(3, 2, dtype=torch.double, requires_grad=True)
w = torch.randn(2, 4, dtype=torch.double, requires_grad=True)
print(gradcheck(lambda a, b: (a @ b).tanh(), (x, w), fast_mode=True))
print(gradgradcheck(lambda a, b: (a @ b).sigmoid(), (x, w), fast_mode=True))
print(torch.randn(2))

class WrongCube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a * a

    @staticmethod
    def backward(ctx, g):
        (a,) = ctx.saved_tensors
        return g * a * 3

y = torch.tensor([1.0, 2.0, 3.0], dtype=torch.double, requires_grad=True)
print(gradcheck(WrongCube.apply, (y,), fast_mode=True, raise_exception=False))
try:
    gradcheck(WrongCube.apply, (y,), fast_mode=True)
except RuntimeError as e:
    print(e)

# slightly off: fails at tight tolerances (and says slow mode would have passed), passes at looser ones
class AlmostDouble(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2.00001

try:
    gradcheck(AlmostDouble.apply, (y,), fast_mode=True, atol=1e-7, rtol=1e-7)
except RuntimeError as e:
    print(type(e).__name__, e)
print(gradcheck(AlmostDouble.apply, (y,), fast_mode=True, atol=1e-3))
print(gradcheck(lambda a: a.sum() * 2, (y,), fast_mode=True, check_undefined_grad=False, nondet_tol=1e-12))

# two inputs, two outputs: the second pair is wrong
def two(a, b):
    return a * b, WrongCube.apply(b)

z = torch.tensor([0.5, -1.5], dtype=torch.double, requires_grad=True)
t = torch.tensor([2.0, 1.0], dtype=torch.double, requires_grad=True)
print(gradcheck(two, (z, t), fast_mode=True, raise_exception=False))
try:
    gradcheck(two, (z, t), fast_mode=True)
except RuntimeError as e:
    print(e)

# no differentiable output, yet the numbers move
gradcheck(lambda a: (a.detach() * 2,), (y,), fast_mode=True)
