import torch
x = torch.tensor([[1.0, 9.0], [8.0, 2.0]])
r = x.max(dim=0)
print(r)
print(type(r).__name__)
print(r[0], r[1])
