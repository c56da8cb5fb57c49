# x[mask] = t: the values fill the selected places in order; both sides get gradients
import torch
x = torch.arange(6.0, requires_grad=True)
t = torch.tensor([10.0, 20.0, 30.0], requires_grad=True)
y = x * 1
y[x % 2 == 1] = t
print(y)
print(y.grad_fn.next_functions)
(y * torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])).sum().backward()
print(x.grad)
print(t.grad)
s = torch.tensor(7.0, requires_grad=True)
z = x * 1
z[x > 2] = s
print(z)
z.sum().backward()
print(s.grad)
