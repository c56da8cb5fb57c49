import torch
A = torch.ones(2, 3, 4)
B = torch.ones(2, 5, 2)
print(A.shape, B.shape)
A @ B
