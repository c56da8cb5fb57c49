import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
(x * 3).sum().backward()
g = x.grad
x.grad.zero_()
(x * 5).sum().backward()
print(g, x.grad, g is x.grad)
h = x.grad
x.grad = None
(x * 7).sum().backward()
print(h, x.grad, h is x.grad)
