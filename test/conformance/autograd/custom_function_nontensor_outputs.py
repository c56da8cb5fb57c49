# a custom Function may return values that are not tensors beside its tensors: backward takes
# one argument per returned value, None for each non-tensor one
import torch


class Stats(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * 2, x.shape[0], "twice", None

    @staticmethod
    def backward(ctx, g, g_len, g_name, g_none):
        print("backward got", g, g_len, g_name, g_none)
        (x,) = ctx.saved_tensors
        return g * 2


x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = Stats.apply(x)
print(out)
print([type(o).__name__ for o in out])
out[0].sum().backward()
print(x.grad)


class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.k = k
        return k, x * k, k * 2

    @staticmethod
    def backward(ctx, gk, g, gk2):
        print("Scale backward", gk, g, gk2)
        return g * ctx.k, None


x.grad = None
k, y, k2 = Scale.apply(x, 5)
print(k, y, k2, y.grad_fn)
(y * y).sum().backward()
print(x.grad)


class Split(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return 1.5, x.exp(), x.sin()

    @staticmethod
    def backward(ctx, g0, g1, g2):
        print("Split backward", g0, g1, g2)
        return g1 + g2


x.grad = None
_, e, s = Split.apply(x)
e.sum().backward()
print(x.grad)
