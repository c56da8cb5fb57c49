import torch
w = torch.ones(2, 3, requires_grad=True)
a = torch.full((2, 3), 2.0)
y = w * a
a.mul_(2)
print(a._version)
y.sum().backward()
