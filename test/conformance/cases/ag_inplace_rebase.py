import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
print(y.grad_fn.name(), y._version)
y.add_(1)
print(y.grad_fn.name(), y._version)
y.mul_(3)
print(y.grad_fn.name(), y._version)
print(y)
y.sum().backward()
print(x.grad)
