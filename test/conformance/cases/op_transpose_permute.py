import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
a = x.t()
b = x.T
c = x.transpose(0, 1)
print(a)
print(a.grad_fn.name(), b.grad_fn.name(), c.grad_fn.name())
y = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
p = y.permute(2, 0, 1)
print(p.shape, p.grad_fn.name(), p.is_contiguous())
print(p[1])
(a * torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum().backward()
print(x.grad)
