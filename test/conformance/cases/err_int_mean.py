import torch
i = torch.tensor([1, 2, 4])
print(i.float().mean())
print(i.sum() / 3)
i.mean()
