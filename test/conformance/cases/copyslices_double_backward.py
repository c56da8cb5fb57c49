# Double backward through CopySlices and a regenerated view's AsStridedBackward0
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a * a
b[1:].mul_(a[1:])
print(b)
g, = torch.autograd.grad(b.sum(), a, create_graph=True)
print(g)
g2, = torch.autograd.grad(g.sum(), a)
print(g2)

x = torch.tensor([0.5, -1., 2.], requires_grad=True)
y = x ** 3
v = y[:2]
v.mul_(x[1:])
out = (v * v).sum() + y.sum()
gx, = torch.autograd.grad(out, x, create_graph=True)
print(gx)
h, = torch.autograd.grad(gx[0] + gx[2], x)
print(h)

x.grad = None
z = x.sin()
z[2] = 0.
z.sum().backward(create_graph=True)
print(x.grad)
print(x.grad.grad_fn is not None)
x.grad.sum().backward()
print(x.grad)
