import torch
print(torch.zeros(3))
print(torch.ones(2, 3, dtype=torch.float64))
print(torch.zeros((2, 2), dtype=torch.int64))
print(torch.full((2, 3), 7.5))
print(torch.full((2,), 7))
print(torch.ones(2, requires_grad=True))
print(torch.zeros(0).shape, torch.ones(()).shape)
