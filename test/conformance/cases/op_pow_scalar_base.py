import torch
x = torch.tensor([0.0, 1.0, 3.0], requires_grad=True)
y = 2 ** x
print(y)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
z = torch.pow(10.0, torch.tensor([1.0, 2.0]))
print(z)
