import torch
x = torch.tensor([-2.0, -1.0, 1.0, 2.0], requires_grad=True)
y = torch.where(x > 0, x * x, -x)
print(x > 0)
print(y)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
print(torch.where(x > 0, x, torch.zeros_like(x)))
