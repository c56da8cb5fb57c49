import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, -5.0, 6.0], requires_grad=True)
d = a @ b
print(d, d.shape)
e = torch.dot(a, b)
print(e.grad_fn.name(), torch.matmul(a, b).grad_fn.name())
d.backward()
print(a.grad)
print(b.grad)
