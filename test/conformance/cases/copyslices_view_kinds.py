# In-place through every kind of view: the base's gradient masks what was overwritten
import torch

a = torch.tensor([[1., -2., 3.], [-4., 5., -6.]], requires_grad=True)
w = torch.tensor([[1., 2., 3.], [4., 5., 6.]])

b = a * 1
b.view(6)[::2].zero_()
print(b)
(b * w).sum().backward()
print(a.grad)

a.grad = None
b = a * 1
b.t()[0].mul_(10)
print(b)
(b * w).sum().backward()
print(a.grad)

a.grad = None
b = a * 1
r = b.reshape(3, 2)
r.clamp_(min=0)
print(r)
print(b)
(b * w).sum().backward()
print(a.grad)

a.grad = None
b = a * 1
u = b.unsqueeze(0)
u[0, 1, 2] = 100.
s = u.squeeze(0)
s[0].add_(1)
print(b, u.grad_fn, s.grad_fn)
(b * w).sum().backward()
print(a.grad)

a.grad = None
b = a * 1
row = b[1]
tail = row[1:]
tail.fill_(0.5)
print(b.grad_fn, row.grad_fn, tail.grad_fn)
print(row.grad_fn.next_functions[0][0] is b.grad_fn, tail._version, row._version)
(b * w).sum().backward()
print(a.grad)

a.grad = None
b = a * 1
e = b[0:1].expand(1, 3)
e.sub_(1)
print(b, e)
(b * w).sum().backward()
print(a.grad)
