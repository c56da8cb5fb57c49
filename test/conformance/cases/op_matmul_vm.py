import torch
v = torch.tensor([1.0, 2.0], requires_grad=True)
B = torch.tensor([[1.0, 0.0, -1.0], [2.0, 3.0, 4.0]], requires_grad=True)
y = v @ B
print(y.shape, y.tolist())
y.sum().backward()
print(v.grad)
print(B.grad)
