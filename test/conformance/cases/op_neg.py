import torch
x = torch.tensor([[1.0, -2.0], [0.0, 3.5]], requires_grad=True)
y = -x
z = torch.neg(x)
print(y)
print(z.grad_fn.name())
(y * 3).sum().backward()
print(x.grad)
print(-torch.tensor(0.0), -torch.tensor([1, -2]))
