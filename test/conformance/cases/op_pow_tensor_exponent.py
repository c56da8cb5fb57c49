import torch
x = torch.tensor([2.0, 3.0], requires_grad=True)
n = torch.tensor([3.0, 2.0], requires_grad=True)
y = x ** n
print(y)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
print(n.grad)
