import torch
x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
z = x * x
print(torch.autograd.grad(z, [x, y], allow_unused=True, retain_graph=True))
torch.autograd.grad(z, y)
