import torch
x = torch.tensor([4.0, 9.0, 0.25], requires_grad=True)
s = torch.square(x)
r = torch.sqrt(x)
print(s, s.grad_fn.name())
print(r, r.grad_fn.name())
(s + r).sum().backward()
print(x.grad)
print(x.sqrt().square())
