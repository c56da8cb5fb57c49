import torch
x = torch.ones(2, 3)
try:
    x.sum(dim=2)
except IndexError as e:
    print(e)
print(x.sum(dim=-2))
torch.tensor([1.0, 2.0]).unsqueeze(3)
