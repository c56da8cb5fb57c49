import torch
a = torch.ones(3, 1, requires_grad=True)
b = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
c = a * b
print(c.shape)
print(c)
c.sum().backward()
print(a.grad)
print(b.grad)
print((torch.ones(2, 1, 3) + torch.ones(4, 1)).shape)
