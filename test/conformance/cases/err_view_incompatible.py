import torch
x = torch.arange(6.0).reshape(2, 3)
try:
    x.view(4)
except RuntimeError as e:
    print(e)
print(x.t().reshape(6))
x.t().view(6)
