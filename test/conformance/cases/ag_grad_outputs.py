import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x
(g,) = torch.autograd.grad(y, x, grad_outputs=torch.tensor([1.0, -1.0, 0.5]))
print(g)
print(x.grad)
a = torch.tensor(3.0, requires_grad=True)
b = torch.tensor(4.0, requires_grad=True)
h = a * b
ga, gb = torch.autograd.grad(h, [a, b], grad_outputs=torch.tensor(2.0), retain_graph=True)
print(ga, gb)
print(torch.autograd.grad(h * h, (a, b), retain_graph=True))
