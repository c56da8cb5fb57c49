import torch
A = torch.arange(12.0).reshape(2, 2, 3).requires_grad_()
W = torch.tensor([[1.0], [0.0], [-1.0]], requires_grad=True)
Y = A @ W
print(Y.shape)
print(Y.detach())
Y.sum().backward()
print(W.grad)
print(A.grad[0])
