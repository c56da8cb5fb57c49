import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a = x * 2
a.zero_()
print(a, a._version)
b = x * 2
b.fill_(5.0)
print(b, b._version)
c = x * 2
c.copy_(torch.tensor([7.0, 8.0, 9.0]))
print(c, c._version)
(a + b + c).sum().backward()
print(x.grad)
