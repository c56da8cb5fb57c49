# an output of a custom Function that is one of its inputs returned as-is is a view the
# Function made: changing it (or a view of it) in place is refused, as PyTorch refuses it
import torch
class Id(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x
    @staticmethod
    def backward(ctx, g):
        return g
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = Id.apply(x * 1)
try:
    y.add_(1)
except RuntimeError as e:
    print(e)
z = y[0:1]
try:
    z.mul_(2)
except RuntimeError as e:
    print(e)
