import torch
torch.manual_seed(7)
x = torch.zeros(2, 3)
print(torch.rand_like(x))
print(torch.randn_like(x))
w = torch.randn(3, requires_grad=True)
print(w)
print(w.is_leaf, w.requires_grad)
