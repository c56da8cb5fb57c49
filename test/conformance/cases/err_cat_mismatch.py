import torch
a = torch.ones(2, 3)
b = torch.ones(2, 2)
print(torch.cat([a, b], dim=1).shape)
torch.cat([a, b])
