# every in-place write through an index bumps the version counter once
import torch
q = torch.zeros(3)
print(q._version)
q[[0]] = 1
print(q._version)
q[q > 0] = 2
print(q._version)
q[[0, 1]] += 1
print(q._version, q)
q.index_put_((torch.tensor([2]),), torch.tensor(5.0))
print(q._version)
q.index_add_(0, torch.tensor([1]), torch.tensor([1.0]))
print(q._version)
q.index_fill_(0, torch.tensor([0]), 0)
print(q._version)
q.masked_scatter_(q > 1, torch.tensor([7.0, 7.0]))
print(q._version, q)
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 1
c = b.exp()
b[[0]] = 3.0
try:
    c.sum().backward()
except RuntimeError as e:
    print(e)
