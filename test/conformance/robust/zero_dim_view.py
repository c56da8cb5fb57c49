# view/reshape of a 0-d tensor share its storage, like any other view.
import torch

c = torch.tensor(3.0, requires_grad=True)
v = c.view(-1)
w = c.view(1, 1)
r = c.reshape(-1)
u = c.reshape(())
print(v, w)
print(r.data_ptr() == c.data_ptr(), v._base is c, w._base is c, r._base is c, u._base is c)
(r * 2 + v * 3 + w.sum() * 4).backward()
print(c.grad)

c = torch.tensor(3.0)
v = c.view(-1)
v.add_(1)
print(c, c._version)
c.reshape(1, 1, 1).mul_(2)
print(c)

c = torch.tensor(3.0, requires_grad=True)
d = c * 1
v = d.view(1)
v.mul_(2)
print(d, v)
d.backward()
print(c.grad)

e = torch.zeros(0, 3)
print(e.view(3, 0).shape, e.reshape(-1, 3).shape, e.t().view(0, 3).shape)
print(torch.tensor(3.0).view(2))
