# A custom Function that returns a view it made (a.view(-1), a.t()): changing that view in place
# is forbidden with grad mode on; under no_grad it is allowed, but the view's grad_fn cannot be
# rebuilt afterwards, so print shows grad_fn=<Invalid> and reading grad_fn (or backward) raises
import torch

class Flatten(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a.view(-1)

    @staticmethod
    def backward(ctx, g):
        return g.view(2, 2)

x = torch.ones(2, 2, requires_grad=True)
y = Flatten.apply(x)
print(y, y._base is x)
with torch.no_grad():
    y.mul_(2)
print(y)
print(x)
try:
    print(y.grad_fn)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    y.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)
print(x.grad)

# with grad mode on, the in-place op itself is refused
x2 = torch.ones(2, 2, requires_grad=True)
y2 = Flatten.apply(x2)
try:
    y2.add_(1)
except RuntimeError as e:
    print("RuntimeError:", e)
print(y2)

# a view of an intermediate result
class Transpose(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a.t()

    @staticmethod
    def backward(ctx, g):
        return g.t()

h = torch.arange(4.0).view(2, 2).requires_grad_() * 1
t = Transpose.apply(h)
with torch.no_grad():
    h.add_(10)
print(t)
print(h)

# a view made of the Function's output (not inside it) is rebuilt as usual
class Same(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 1

    @staticmethod
    def backward(ctx, g):
        return g

x4 = torch.ones(4, requires_grad=True)
y4 = Same.apply(x4)
v4 = y4[:2]
with torch.no_grad():
    v4.zero_()
print(v4, y4)
y4.sum().backward()
print(x4.grad)
v4.sum().backward()
