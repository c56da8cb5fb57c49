# torch.autograd.gradcheck / gradgradcheck on double inputs: True for correct gradients (built-in
# ops, several inputs and outputs, a custom Function), the GradcheckError PyTorch raises for a
# wrong custom backward (numerical and analytical Jacobians printed), raise_exception=False,
# and how often the check runs a custom Function's forward and backward
import torch
from torch.autograd import gradcheck, gradgradcheck
from torch.autograd.gradcheck import GradcheckError

torch.manual_seed(0)
x = torch.randn(3, dtype=torch.double, requires_grad=True)
y = torch.randn(3, dtype=torch.double, requires_grad=True)
print(gradcheck(torch.sin, (x,)))
print(gradcheck(lambda a, b: a * b + a.exp(), (x, y)))
print(gradcheck(lambda a, b: (a @ b, a - b), (x, y)))
print(gradcheck(torch.tanh, x))
print(gradcheck(lambda a, k: a * k, (x, 3.0)))
M = torch.randn(2, 3, dtype=torch.double, requires_grad=True)
print(gradcheck(lambda m: m.softmax(dim=1).sum(0), (M,)))
print(gradgradcheck(torch.tanh, (x,)))
print(gradgradcheck(lambda a, b: (a * b).sin(), (x, y)))
print(torch.randn(2))


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        print("forward")
        ctx.save_for_backward(x)
        return x ** 2

    @staticmethod
    def backward(ctx, g):
        print("backward")
        (x,) = ctx.saved_tensors
        return 2 * x * g


print(gradcheck(Square.apply, (torch.tensor([1.0, -2.0], dtype=torch.double, requires_grad=True),)))


class Wrong(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 2

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * x


inp = torch.tensor([1.0, 2.0], dtype=torch.double, requires_grad=True)
try:
    gradcheck(Wrong.apply, (inp,))
except GradcheckError as e:
    print(type(e).__module__, type(e).__name__, isinstance(e, RuntimeError))
    print(e)
print(gradcheck(Wrong.apply, (inp,), raise_exception=False))
print(gradcheck(Wrong.apply, (inp,), atol=10.0, rtol=0.0))
print(inp._version, inp.grad)
gradcheck(Wrong.apply, (inp,))
