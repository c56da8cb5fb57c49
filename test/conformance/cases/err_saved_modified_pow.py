import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
h = x * 1
y = h ** 2
h += 1
print(h._version)
y.sum().backward()
