# Version counters are shared by a base and its views; backward checks them through CopySlices
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a.exp()
v = b[1:]
w = v * v
b[0] = 1.
try:
    w.sum().backward()
except RuntimeError as e:
    print(e)

b = a * 1
v = b[1:]
p = v ** 2
v.add_(1)
print(v._version, b._version)
try:
    p.sum().backward()
except RuntimeError as e:
    print(e)

# CopySlices frees what it holds: a second backward needs retain_graph
b = a * 1
b[1:].mul_(a[1:])
b.sum().backward(retain_graph=True)
print(a.grad)
b.sum().backward()
print(a.grad)
try:
    b.sum().backward()
except RuntimeError as e:
    print(e)

c = a * 1
c[0] = 0.
c.sum().backward()
try:
    c.sum().backward()
except RuntimeError as e:
    print(e)
