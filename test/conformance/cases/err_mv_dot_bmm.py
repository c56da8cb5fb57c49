import torch
try:
    torch.mv(torch.ones(2, 3), torch.ones(2))
except RuntimeError as e:
    print("mv:", e)
try:
    torch.dot(torch.ones(3), torch.ones(2))
except RuntimeError as e:
    print("dot:", e)
torch.bmm(torch.ones(2, 2, 3), torch.ones(2, 2, 3))
