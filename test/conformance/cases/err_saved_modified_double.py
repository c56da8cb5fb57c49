import torch
x = torch.tensor([0.0, 1.0, 2.0], dtype=torch.float64, requires_grad=True)
s = torch.sigmoid(x)
s.mul_(2)
print(s.dtype, s._version)
s.sum().backward()
