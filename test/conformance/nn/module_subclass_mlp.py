# A two-layer network written as an nn.Module subclass: its repr, forward, and where the
# gradients land after backward
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        return self.fc2(h)


torch.manual_seed(0)
net = Net(3, 5, 2)
print(net)
x = torch.randn(4, 3)
target = torch.randn(4, 2)
out = net(x)
print(out)
loss = F.mse_loss(out, target)
print(loss)
loss.backward()
for name, p in net.named_parameters():
    print(name, p.shape, p.grad)
print(net.fc1)
print(net.fc1.weight is list(net.parameters())[0])
print(type(net).__name__, type(net).__mro__)
print(net.training)


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([2.0, -1.0]))
        self.b = nn.Parameter(torch.tensor(0.5))

    def forward(self, x):
        return (self.w * x).sum() + self.b


t = Tiny()
print(t)
r = t(torch.tensor([3.0, 4.0]))
print(r)
r.backward()
print(t.w.grad, t.b.grad)
print(list(t.state_dict().keys()))
