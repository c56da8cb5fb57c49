import torch
import torch.nn.functional as F

# softmax / log_softmax and their gradients to the last bit, over the last dim (one vectorised
# row) and over other dims (whole 8-float vectors of inner positions, then a scalar loop with
# libm's exp and fused multiply-adds), as ATen 2.6's CPU kernels compute them on one thread
torch.manual_seed(0)
for shape, dim in [((5, 37), 1), ((3, 8), -1), ((4, 5), 1), ((2, 100), 1), ((7,), 0), ((6, 3), 0), ((3, 4, 5), 1),
                   ((2, 9, 11), 1), ((2, 5, 3), 0), ((3, 6, 17), 1)]:
    x = (torch.randn(*shape) * 3).requires_grad_()
    g = torch.randn(*shape)
    y = torch.softmax(x, dim)
    (a,) = torch.autograd.grad(y, x, g)
    ls = F.log_softmax(x, dim)
    (b,) = torch.autograd.grad(ls, x, g)
    print(shape, dim, y.tolist())
    print(a.tolist())
    print(ls.tolist())
    print(b.tolist())
x = (torch.randn(4, 6) * 2).requires_grad_()
t = torch.tensor([0, 5, 2, 3])
loss = F.cross_entropy(x, t)
(c,) = torch.autograd.grad(loss, x, create_graph=True)
print(loss.item(), c.tolist(), c.grad_fn.name())
(c2,) = torch.autograd.grad(c.sum(), x)
print(c2.tolist())
