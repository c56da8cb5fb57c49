import torch
x = torch.tensor([0.0, 1.0, 3.0], requires_grad=True)
y = torch.sin(x) + torch.cos(x)
print(y)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
print(x.sin().grad_fn.name(), x.cos().grad_fn.name())
