import torch
x = torch.tensor(2.0, requires_grad=True)
y = x.exp() * x
print(torch.autograd.grad(y, x))
print(torch.autograd.grad(y, x))
