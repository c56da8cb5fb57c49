# create_graph through indexing: the gradient of x[idx] is built by _index_put_impl_ (IndexPutImplBackward0)
import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
y = x[[0, 0, 2]]
g, = torch.autograd.grad(y.pow(2).sum(), x, create_graph=True)
print(g)
print(g.grad_fn, g.grad_fn.next_functions)
print(g.grad_fn._saved_indices, g.grad_fn._saved_accumulate)
h, = torch.autograd.grad(g.sum(), x)
print(h)
z = x[x > 3] ** 3
g2, = torch.autograd.grad(z.sum(), x, create_graph=True)
print(g2.grad_fn)
print(torch.autograd.grad(g2.sum(), x)[0])
t = torch.tensor([1.0, 2.0], requires_grad=True)
b = x * 1
b[[0, 2], [1, 3]] = t * t
l = (b ** 2).sum()
gt, = torch.autograd.grad(l, t, create_graph=True)
print(gt, gt.grad_fn, gt.grad_fn.next_functions)
gx, = torch.autograd.grad(l, x, create_graph=True)
print(gx.grad_fn, gx.grad_fn.next_functions)
