# A custom autograd.Function: forward saves its result, backward reads it back; the node is
# ExpBackward, the ctx is that node, forward runs with grad mode off
import torch

class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        print("forward: grad enabled?", torch.is_grad_enabled(), ctx.needs_input_grad)
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        print("backward: grad enabled?", torch.is_grad_enabled())
        result, = ctx.saved_tensors
        return grad_output * result

x = torch.tensor([0.0, 1.0, -1.0], requires_grad=True)
y = Exp.apply(x)
print(y)
print(y.grad_fn, y.grad_fn.name(), type(y.grad_fn))
print(y.grad_fn.next_functions)
print(Exp, Exp._backward_cls)
y.sum().backward()
print(x.grad)
try:
    y.sum().backward()
except RuntimeError as e:
    print(e)
z = Exp.apply(torch.tensor([1.0]))
print(z, z.grad_fn, z.requires_grad)
with torch.no_grad():
    print(Exp.apply(x))
