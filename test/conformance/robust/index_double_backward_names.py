# The gradient of an indexing view, taken with create_graph, is itself a graph: an integer index
# gives SelectBackwardBackward0, a slice SliceBackwardBackward0 (issue 17: a select was named as
# a slice), a diagonal DiagonalBackwardBackward0; the second derivative flows through them.
import torch

x = torch.tensor([[1., 2., 3.], [3., 4., 5.]], requires_grad=True)
views = [
    ("x[0]", lambda x: x[0]),
    ("x[:, 0]", lambda x: x[:, 0]),
    ("x[-1]", lambda x: x[-1]),
    ("x[..., 0]", lambda x: x[..., 0]),
    ("x[1, 2]", lambda x: x[1, 2]),
    ("x[0:1]", lambda x: x[0:1]),
    ("x[:, 1:]", lambda x: x[:, 1:]),
    ("x[:, ::2]", lambda x: x[:, ::2]),
    ("x[0][1:]", lambda x: x[0][1:]),
    ("x[None, 0]", lambda x: x[None, 0]),
    ("x.diagonal()", lambda x: x.diagonal()),
]
for name, f in views:
    y = f(x)
    v = torch.ones_like(y, requires_grad=True)
    g, = torch.autograd.grad(y, x, v, create_graph=True)
    print(name, type(g.grad_fn).__name__, [type(n).__name__ for n, _ in g.grad_fn.next_functions])
    gv, = torch.autograd.grad(g.sum(), v)
    print("  d/dv", gv)
    y = f(x * 2)
    g, = torch.autograd.grad((y * y).sum(), x, create_graph=True)
    h, = torch.autograd.grad(g.sum(), x)
    print("  ", g.grad_fn, h)
