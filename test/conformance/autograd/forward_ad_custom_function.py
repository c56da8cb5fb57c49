# A custom autograd.Function with a jvp staticmethod; one without it refuses dual inputs
import torch
import torch.autograd.forward_ad as fwAD


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        print("forward sees a tangent:", fwAD.unpack_dual(a).tangent is not None)
        result = a.exp()
        ctx.result = result
        return result

    @staticmethod
    def jvp(ctx, ga):
        print("jvp got", ga)
        return ga * ctx.result

    @staticmethod
    def backward(ctx, g):
        return g * ctx.result


class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b, k):
        ctx.a, ctx.b, ctx.k = a, b, k
        return a * b * k

    @staticmethod
    def jvp(ctx, ta, tb, tk):
        print("tangents", ta, tb, tk)
        return (ta * ctx.b + ctx.a * tb) * ctx.k


class Double(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2


x = torch.tensor([0.0, 1.0, -1.0])
v = torch.tensor([1.0, 0.5, 2.0])
with fwAD.dual_level():
    d = fwAD.make_dual(x, v)
    print(Exp.apply(d))
    print(Scale.apply(d, torch.tensor([2.0, 3.0, 4.0]), 0.5))
    print(Exp.apply(x))
    print(Double.apply(x))
    w = fwAD.make_dual(x.clone().requires_grad_(), v)
    r = Exp.apply(w)
    print(r)
    r.sum().backward()
    try:
        Double.apply(d)
    except NotImplementedError as e:
        print("NotImplementedError:", e)
    Double.apply(d)
