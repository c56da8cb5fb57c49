import torch
x = torch.tensor([[1.5, 2.5], [3.5, 4.5]], requires_grad=True)
print(torch.zeros_like(x))
print(torch.ones_like(x))
print(torch.full_like(x, 3.0))
print(torch.ones_like(x).requires_grad)
i = torch.tensor([1, 2, 3])
print(torch.zeros_like(i), torch.ones_like(i, dtype=torch.float32))
