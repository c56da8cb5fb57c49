import torch
t = torch.arange(3)
print(t.dtype)
t.requires_grad_()
