# CopySlices' edges: the base's previous grad_fn, then the in-place op's other inputs
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
t = torch.tensor([10., 20.], requires_grad=True)
b = a * 2
v = b[:2]
v += t
print(v)
print(b)
print(b.grad_fn.next_functions)
print(v.grad_fn.next_functions)
b.sum().backward()
print(a.grad, t.grad)

# a base that does not require grad gets a graph from the value written into it
x = torch.tensor([1., 2.], requires_grad=True)
z = torch.zeros(4)
w = z[2:]
print(w.requires_grad, w.is_leaf)
z[:2].copy_(x * 3)
print(z)
print(z.grad_fn.next_functions, z.is_leaf, z.requires_grad)
print(w.requires_grad)
print(w)
print(w.is_leaf)
z.sum().backward()
print(x.grad)

# mul_ by a tensor that requires grad: both edges live
p = torch.tensor([1., 2., 3.], requires_grad=True)
q = torch.tensor([4., 5.], requires_grad=True)
r = p * p
r[1:].mul_(q)
print(r.grad_fn.next_functions)
r.sum().backward()
print(p.grad)
print(q.grad)
