# softmax over a dim that is not the last (_vec_softmax): PyTorch's threads each take a slice of the
# (outer, inner) positions, and within a slice whole vectors use SLEEF's exp while the rest of a row or
# slice uses libm's; the last bits show which (recorded with 2 threads)
import torch
import torch.nn.functional as F

def show(name, t):
    print(name, [repr(v) for v in t.reshape(-1).tolist()])

x = torch.tensor([((i * 7919) % 2000) * 0.0041 - 4.1 + i * 1e-7 for i in range(37)], dtype=torch.float64)
for inner in [2, 4, 5, 7, 8, 9, 12, 16, 17]:
    w = torch.tensor([0.3 + 0.37 * j for j in range(inner)], dtype=torch.float64)
    m = x.reshape(-1, 1) * w
    show('float64 inner %d' % inner, F.softmax(m, dim=0)[:6])
    show('float32 inner %d' % inner, F.softmax(m.float(), dim=0)[:6])
t = (x[:30].reshape(2, 3, 5) * torch.tensor([1.0, -0.5, 2.0], dtype=torch.float64).reshape(1, 3, 1))
show('3-d dim 1 float64', F.softmax(t, dim=1))
show('3-d dim 1 float32', F.softmax(t.float(), dim=1))
show('3-d dim 0 float64', F.softmax(t, dim=0))
xx = t.clone().requires_grad_()
y = F.softmax(xx, dim=1)
(y * torch.arange(30, dtype=torch.float64).reshape(2, 3, 5)).sum().backward()
show('grad', xx.grad)
show('log_softmax dim 1', F.log_softmax(t, dim=1))
