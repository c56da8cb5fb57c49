import torch
x = torch.tensor([1.0, -2.0, 3.0, 0.0])
pos = x > 0
print(pos, pos.dtype)
print(x == 3, x != 0, x <= 1)
print(pos.sum(), pos.float())
print(pos * 2, pos + pos, pos * 1.5)
print(pos.any(), pos.all())
print(torch.tensor([True, False]).int())
