# Gradients reach only some outputs of one multi-output node (unbind, iterating over a tensor,
# split, chunk): the others count as zeros. autograd.grad of one row crashed Gradlens.
import torch

x = torch.tensor([[1., 2., 3.], [3., 4., 5.]], requires_grad=True)
a, b = x.unbind(0)
g, = torch.autograd.grad(b.sum(), x)
print(g)
g, = torch.autograd.grad((b * b).sum(), x, create_graph=True)
print(g)
h, = torch.autograd.grad(g.sum(), x)
print(h)

rows = [r for r in x * 2]
g, = torch.autograd.grad(rows[1].sum(), x, retain_graph=True)
print(g)
(rows[0] * 3).sum().backward()
print(x.grad)

cols = x.unbind(1)
v = torch.ones(2, requires_grad=True)
g, = torch.autograd.grad(cols[2], x, v, create_graph=True)
print(g, g.grad_fn)
g, = torch.autograd.grad(x.split(1, 1)[1].sum() + x.chunk(2, 0)[1].sum(), x)
print(g)
