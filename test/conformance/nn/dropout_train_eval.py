# Dropout draws its mask from the seeded generator in training mode (input * bernoulli(1 - p) / (1 - p),
# MulBackward0), is the identity in eval mode and for p=0, zeros for p=1; the gradient uses the same mask
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(3, 5, requires_grad=True)
drop = nn.Dropout(p=0.4)
print(drop, drop.training)
y = drop(x)
print(y)
print(y.grad_fn, y.grad_fn.next_functions[0][0])
y.sum().backward()
print(x.grad)
drop.eval()
print(drop.training, drop(x) is x)
drop.train()
print(drop(x))
print(F.dropout(x, 0.0) is x, F.dropout(x, 0.5, training=False) is x)
print(F.dropout(x, 1.0))
net = nn.Sequential(nn.Linear(5, 4), nn.Dropout(0.5), nn.ReLU())
print(net)
print(net(x))
net.eval()
print(net(x))
print(nn.Dropout(0.25, inplace=True))
torch.manual_seed(1)
print(F.dropout(torch.ones(8), 0.5))
print(F.dropout(torch.ones(2, 3, dtype=torch.float64), 0.3))
try:
    nn.Dropout(1.5)
except ValueError as e:
    print("ValueError:", e)
try:
    F.dropout(x, -0.1)
except ValueError as e:
    print("ValueError:", e)
