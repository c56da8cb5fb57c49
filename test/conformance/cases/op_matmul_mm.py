import torch
A = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
B = torch.tensor([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]], requires_grad=True)
C = A @ B
D = torch.mm(A, B)
E = torch.matmul(A, B)
print(C)
print(C.grad_fn.name(), D.grad_fn.name(), E.grad_fn.name())
(C * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
print(A.grad)
print(B.grad)
