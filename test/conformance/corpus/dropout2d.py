# nn.Dropout2d / F.dropout2d (the "Defining a neural network" recipe): one bernoulli draw per
# (sample, channel) scaled by 1/(1-p) and broadcast over H, W (MulBackward0), the input itself in
# eval mode; 2-D and 3-D inputs warn (stderr: test/engine/python/warnings.test.ts) and still drop
# per (N, C); p=1, inplace, the errors
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 4, 4, requires_grad=True)
y = F.dropout2d(x, 0.5)
print(y[:, :, 0, 0], y.grad_fn)
y.sum().backward()
print(x.grad[:, :, 0, 0])
print(F.dropout2d(x, 0.5, training=False) is x, F.dropout2d(x, 0.0) is x)
print(F.dropout2d(torch.randn(2, 3, 5), 0.4))
print(F.dropout2d(torch.randn(4, 6), 0.5))
print(F.dropout2d(torch.randn(4, 6), 0.5).abs().sum())

d = nn.Dropout2d(0.25)
print(d, d(torch.ones(1, 4, 2, 2))[0, :, 0, 0])
d.eval()
print(d(torch.ones(1, 4, 2, 2))[0, :, 0, 0])
print(F.dropout2d(torch.ones(2, 2, 2, 2), 1.0)[:, :, 0, 0])
t = torch.ones(2, 3, 2, 2)
r = F.dropout2d(t, 0.5, inplace=True)
print(r is t, t[:, :, 0, 0], t._version)

# a model using it, as the recipe's Net does, then plain dropout after it draws from the same stream
net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Dropout2d(0.25), nn.Flatten(), nn.Linear(4 * 4 * 4, 3), nn.Dropout(0.5))
out = net(torch.rand(2, 1, 6, 6))
print(out)
out.sum().backward()
print(net[0].bias.grad)

def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: F.dropout2d(x, 1.5))
attempt(lambda: nn.Dropout2d(-0.1))
attempt(lambda: F.dropout2d(torch.ones(3), 0.5))
