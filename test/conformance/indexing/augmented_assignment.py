# x[idx] += v reads x[idx] (a copy for advanced indices), adds, and writes back with index_put_
import torch
d = torch.zeros(2, 3)
d[1, [0, 2]] += 1
print(d)
d[[1, 1, 1]] += 1
print(d)
d[d > 0] *= 10
print(d)
n = 4
dlogits = torch.arange(12.0).reshape(4, 3) / 10
Yb = torch.tensor([2, 0, 1, 1])
dlogits[range(n), Yb] -= 1
dlogits /= n
print(dlogits)
v = torch.arange(4.0, requires_grad=True)
w = v * 1
w[[0, 0]] += v[:2]
print(w, w.grad_fn)
w.sum().backward()
print(v.grad)
