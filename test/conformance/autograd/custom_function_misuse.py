# Misusing autograd.Function: no backward, calling an instance, once_differentiable twice
import torch
from torch.autograd.function import once_differentiable

class NoBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

a = torch.tensor([1.0], requires_grad=True)
try:
    NoBackward.apply(a).backward()
except NotImplementedError as e:
    print(e)

class Once(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        x, = ctx.saved_tensors
        print("grad mode in backward:", torch.is_grad_enabled())
        return g * 3 * x ** 2

z = torch.tensor([2.0], requires_grad=True)
o = Once.apply(z)
gz, = torch.autograd.grad(o, z, create_graph=True)
print(gz, gz.grad_fn)
try:
    gz.backward()
except RuntimeError as e:
    print(e)
o2 = Once.apply(z)
seed = torch.ones(1, requires_grad=True)
gs, = torch.autograd.grad(o2, z, grad_outputs=seed, create_graph=True)
print(gs)
try:
    gs.backward()
except RuntimeError as e:
    print(e)
try:
    NoBackward()(a)
except RuntimeError as e:
    print(e)
NoBackward.apply(a, 5)
