# What ctx keeps: saved tensors checked against their version, None saved as None, attributes
# of the program's own, freed after backward; ctx is the grad_fn
import torch

class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g

t = torch.tensor([1.0, 2.0], requires_grad=True)
q = Square.apply(t)
with torch.no_grad():
    t.mul_(2)
try:
    q.sum().backward()
except RuntimeError as e:
    print(e)

class Info(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        ctx.save_for_backward(x, None)
        return x + y

    @staticmethod
    def backward(ctx, g):
        x, n = ctx.saved_tensors
        print(n, ctx.needs_input_grad)
        return g, None

a = torch.ones(2, requires_grad=True)
r = Info.apply(a, torch.ones(2))
print(r.grad_fn.next_functions, r.grad_fn.needs_input_grad)
r.sum().backward()
try:
    r.grad_fn.saved_tensors
except RuntimeError as e:
    print(e)
print(r.grad_fn.to_save)

ctxs = []
class Keep(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctxs.append(ctx)
        ctx.scale = 4
        return x * 4

    @staticmethod
    def backward(ctx, g):
        return g * ctx.scale

k = Keep.apply(a)
print(k.grad_fn is ctxs[0], k.grad_fn.scale)
print(Keep.apply(torch.ones(1)).requires_grad)

class SaveNumber(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x, 3)
        return x

    @staticmethod
    def backward(ctx, g):
        return g

try:
    SaveNumber.apply(a)
except TypeError as e:
    print(e)
