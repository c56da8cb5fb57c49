import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x + 0
print(y.grad_fn.name(), y._version)
y += 1
print(y.grad_fn.name(), y._version)
y -= 2
print(y.grad_fn.name(), y._version)
y *= 3
print(y.grad_fn.name(), y._version)
y.sub_(1)
print(y.grad_fn.name(), y._version)
y.div_(2)
print(y.grad_fn.name(), y._version)
print(y)
y.sum().backward()
print(x.grad)
