# Non-tensor arguments get None back; trailing Nones are dropped; wrong counts and gradients
# for non-tensor inputs raise PyTorch's errors
import torch

class ScaledMul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b, k):
        ctx.k = k
        ctx.save_for_backward(a, b)
        print("needs", ctx.needs_input_grad)
        return a * b * k

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        print("needs in backward", ctx.needs_input_grad)
        return g * b * ctx.k, g * a * ctx.k, None

a = torch.tensor([2.0], requires_grad=True)
b = torch.tensor([3.0])
out = ScaledMul.apply(a, b, 2.0)
print(out, out.grad_fn.next_functions)
out.backward()
print(a.grad, b.grad)

class TooFew(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a + b

    @staticmethod
    def backward(ctx, g):
        return g

try:
    TooFew.apply(a, a).backward()
except RuntimeError as e:
    print(e)

class GradForNumber(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, n):
        return x * n

    @staticmethod
    def backward(ctx, g):
        return g, g

try:
    GradForNumber.apply(torch.ones(1, requires_grad=True), 3).backward()
except RuntimeError as e:
    print(e)

class ExtraNones(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2, None, None

c = torch.ones(2, requires_grad=True)
ExtraNones.apply(c).sum().backward()
print(c.grad)

class StringGrad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 1

    @staticmethod
    def backward(ctx, g):
        return "no"

try:
    StringGrad.apply(torch.ones(1, requires_grad=True)).backward()
except RuntimeError as e:
    print(e)
