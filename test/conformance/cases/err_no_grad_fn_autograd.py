import torch
x = torch.tensor([1.0, 2.0])
with torch.no_grad():
    w = torch.ones(2, requires_grad=True)
    y = (w * x).sum()
print(y.requires_grad)
torch.autograd.grad(y, w)
