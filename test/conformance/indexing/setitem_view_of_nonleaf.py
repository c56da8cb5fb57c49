# advanced setitem on a view of a non-leaf: the base's grad_fn becomes CopySlices around IndexPutBackward0
import torch
m = torch.zeros(3, 4, requires_grad=True)
t = torch.tensor([1.0, 2.0], requires_grad=True)
n = m * 1
v = n[1:]
v[v.detach() == 0] = t.sum()
print(n)
print(n.grad_fn, n.grad_fn.next_functions)
print(v.grad_fn)
(n * torch.arange(12.0).reshape(3, 4)).sum().backward()
print(m.grad)
print(t.grad)
k = torch.ones(2, 3, requires_grad=True) * 2
row = k[0]
row[[0, 2]] = torch.tensor([5.0, 6.0])
print(k, k.grad_fn)
print(row._version, k._version)
