# nn.AdaptiveAvgPool2d / F.adaptive_avg_pool2d (the nn tutorial's CNN ends in AdaptiveAvgPool2d(1)):
# 1x1 is a mean over H, W (MeanBackward1); other sizes average overlapping windows
# (AdaptiveAvgPool2DBackward0), their gradients and second derivatives, the errors
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 7, 9, requires_grad=True)
for size in [1, (1, 1), 2, (3, 2), (5, 4), (7, 9), (None, 4), (6, None), (9, 11)]:
    y = F.adaptive_avg_pool2d(x, size)
    print(size, tuple(y.shape), type(y.grad_fn).__name__, y[1, 2].flatten().tolist())

pool = nn.AdaptiveAvgPool2d((3, 2))
print(pool, nn.AdaptiveAvgPool2d(1), nn.AdaptiveAvgPool2d((None, 3)))
y = pool(x)
g = torch.randn(y.shape)
y.backward(g)
print(x.grad[1, 1].flatten().tolist())
print(x.grad[0, 0])

x.grad = None
F.adaptive_avg_pool2d(x, 1).backward(torch.randn(2, 3, 1, 1))
print(x.grad[1, 2, 0].tolist())

# unbatched (C, H, W), float64
print(F.adaptive_avg_pool2d(torch.randn(3, 5, 7), 2))
xd = torch.randn(1, 2, 5, 5, dtype=torch.float64, requires_grad=True)
print(F.adaptive_avg_pool2d(xd, 3))

# second derivative: the gradient pooled again, zeros for the input
y = F.adaptive_avg_pool2d(xd, (2, 3))
go = torch.randn(y.shape, dtype=torch.float64, requires_grad=True)
gx, = torch.autograd.grad(y, xd, go, create_graph=True)
print(gx.grad_fn, gx.grad_fn.next_functions)
ggo, gxd = torch.autograd.grad(gx.pow(2).sum(), (go, xd), allow_unused=True)
print(ggo, gxd.abs().sum())

# a model that trains through it
torch.manual_seed(1)
model = nn.Sequential(nn.Conv2d(1, 4, 3, stride=2, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
data = torch.rand(8, 1, 10, 10)
target = torch.randint(0, 4, (8,))
for step in range(3):
    loss = F.cross_entropy(model(data), target)
    loss.backward()
    opt.step()
    opt.zero_grad()
    print(step, loss.item())

def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: F.adaptive_avg_pool2d(x, (1, 2, 3)))
attempt(lambda: F.adaptive_avg_pool2d(x, (-1, 2)))
attempt(lambda: F.adaptive_avg_pool2d(torch.randn(4, 5), 2))
attempt(lambda: F.adaptive_avg_pool2d(torch.randn(5), 1))
attempt(lambda: F.adaptive_avg_pool2d(torch.randn(5), (None, 2)))
attempt(lambda: F.adaptive_avg_pool2d(torch.arange(30).view(1, 5, 6), (2, 4)))
attempt(lambda: F.adaptive_avg_pool2d(torch.arange(30).view(1, 5, 6), 1))
