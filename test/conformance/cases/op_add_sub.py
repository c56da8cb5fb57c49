import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([0.5, -1.0, 4.0], requires_grad=True)
c = a + b
d = a - b
print(c)
print(d)
print((a + 2).grad_fn.name(), (a - 2).grad_fn.name(), (2 + a).grad_fn.name())
print(torch.add(a, b).grad_fn.name(), a.sub(b).grad_fn.name())
loss = (c * d).sum()
loss.backward()
print(loss.item())
print(a.grad)
print(b.grad)
