import torch
a = torch.ones(3)
b = torch.ones(2)
torch.stack([a, b])
