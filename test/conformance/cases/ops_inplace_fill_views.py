# masked_fill_ and scatter_ on views of a non-leaf: CopySlices, as PyTorch records it
import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
y = x * 1
y[1].masked_fill_(torch.tensor([True, False, True]), 0.0)
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad)
x.grad = None
z = x * 2
z[:, 1:].scatter_(1, torch.tensor([[1], [0]]), 9.0)
print(z, z.grad_fn.name())
(z * z).sum().backward()
print(x.grad)
v = torch.tensor(3.0, requires_grad=True)
w = x.detach().clone() * 1
w[0].masked_fill_(w[0] > 1.5, v)
print(w, w.grad_fn.name())
w.sum().backward()
print(v.grad)
a = torch.zeros(4)
a.masked_fill_(a == 0, 2.0)
print(a, a._version)
