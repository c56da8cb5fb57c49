# Several outputs (zero gradients materialized, or None with set_materialize_grads(False)),
# mark_non_differentiable, an input returned unchanged (a view of it), mark_dirty
import torch

class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2, x * 3

    @staticmethod
    def backward(ctx, g1, g2):
        print("grads", g1, g2)
        return g1 * 2 + g2 * 3

x = torch.tensor([1.0, 2.0], requires_grad=True)
p, q = Two.apply(x)
print(p, q, p.grad_fn is q.grad_fn, p.output_nr, q.output_nr)
p.sum().backward()
print(x.grad)

class Lazy(Two):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x * 2, x * 3

p, q = Lazy.apply(x)
try:
    q.sum().backward()
except TypeError as e:
    print(e)

class Sort(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        s, idx = x.sort()
        ctx.mark_non_differentiable(idx)
        ctx.save_for_backward(idx)
        return s, idx

    @staticmethod
    def backward(ctx, g, gidx):
        print("gidx", gidx)
        idx, = ctx.saved_tensors
        out = torch.zeros_like(g)
        out[idx] = g
        return out

y = torch.tensor([3.0, 1.0, 2.0], requires_grad=True)
s, i = Sort.apply(y)
print(s, i, i.requires_grad)
(s * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(y.grad)

class Ident(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x

    @staticmethod
    def backward(ctx, g):
        return g * 10

e = Ident.apply(x)
print(e is x, e, e._base is x, e.is_leaf)
e.sum().backward()
print(x.grad)

class Double_(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x.mul_(2)
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, g):
        return g * 2

b = x.clone()
print(b.grad_fn)
c = Double_.apply(b)
print(c is b, c, b.grad_fn, b._version)
c.sum().backward()
print(x.grad)
try:
    Double_.apply(x)
except RuntimeError as e:
    print(e)
print(x)
