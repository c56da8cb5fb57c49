import torch
x = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
for e in [2, 3, 0.5, -1, 0]:
    y = x ** e
    g = torch.autograd.grad(y.sum(), x)[0]
    print(e, y, g)
y = x.pow(2)
print(y.grad_fn.name())
y = torch.pow(x, 3)
print(y)
