import torch
x = torch.tensor([0.25, 1.0, -3.0], requires_grad=True)
y = 1 - x
z = 2.5 - x
w = torch.tensor(10.0) - x
print(y)
print(z)
print(w)
print(y.grad_fn.name(), z.grad_fn.name(), w.grad_fn.name())
(y * z).sum().backward()
print(x.grad)
