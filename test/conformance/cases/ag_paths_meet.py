import torch
x = torch.tensor(2.0, requires_grad=True)
a = x * 3
b = x ** 2
c = x.exp()
y = a + b + c
y.backward()
print(y)
print(x.grad)
w = torch.tensor([1.0, -1.0], requires_grad=True)
z = (w * w * w).sum() + w.sum()
z.backward()
print(w.grad)
