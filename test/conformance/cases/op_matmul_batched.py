import torch
A = torch.arange(12.0).reshape(2, 2, 3).requires_grad_()
B = torch.ones(2, 3, 2, requires_grad=True)
C = A @ B
print(C.shape)
print(C[0])
print(C[1])
C.sum().backward()
print(A.grad)
print(B.grad)
D = torch.bmm(A, B)
print(D.grad_fn.name())
