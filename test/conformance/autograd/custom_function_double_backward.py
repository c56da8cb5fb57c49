# Double backward through a custom backward written with differentiable ops, and the
# new-style forward + setup_context
import torch

class Cube(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x ** 3

    @staticmethod
    def setup_context(ctx, inputs, output):
        x, = inputs
        ctx.save_for_backward(x)
        print("setup_context got", type(output).__name__, len(inputs))

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * 3 * x ** 2

x = torch.tensor([2.0, -1.0], requires_grad=True)
y = Cube.apply(x)
print(y)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g)
g2, = torch.autograd.grad(g.sum(), x)
print(g2)

class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g

w = torch.tensor([3.0], requires_grad=True)
s = Square.apply(w)
s.backward(create_graph=True)
print(w.grad)
w.grad.backward()
print(w.grad)
