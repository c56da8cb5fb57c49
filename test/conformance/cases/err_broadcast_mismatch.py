import torch
a = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([1.0, 2.0])
print(a.shape, b.shape)
c = a + b
