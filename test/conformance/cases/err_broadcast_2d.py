import torch
a = torch.ones(2, 3)
b = torch.ones(3, 2)
try:
    a * b
except RuntimeError as e:
    print(e)
torch.ones(4, 3) - torch.ones(4)
