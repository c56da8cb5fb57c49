# train()/eval() set .training on every submodule; zero_grad() sets .grad to None (PyTorch 2.x's
# default) or zeroes it in place; requires_grad_(), apply(), and dtype conversion
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.Tanh(), nn.Linear(2, 1))
print(net.training, [m.training for m in net])
print(net.eval() is net, net.training, [m.training for m in net])
net.train()
print([m.training for m in net])
net[0].eval()
print([m.training for m in net.modules()])
try:
    net.train("yes")
except ValueError as e:
    print("ValueError:", e)

out = net(torch.ones(3, 2)).sum()
out.backward()
g = net[0].weight.grad
print(g)
net.zero_grad()
print(net[0].weight.grad, g)
out = net(torch.ones(3, 2)).sum()
out.backward()
g = net[0].weight.grad
net.zero_grad(set_to_none=False)
print(net[0].weight.grad, g is net[0].weight.grad, g)

net.requires_grad_(False)
print([p.requires_grad for p in net.parameters()])
print(net(torch.ones(1, 2)).requires_grad)
net.requires_grad_()
print([p.requires_grad for p in net.parameters()])


def show(m):
    print("visit", type(m).__name__)


print(net.apply(show) is net)


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.constant_(m.weight, 0.5)
        nn.init.zeros_(m.bias)


net.apply(init_weights)
print(net[0].weight, net[2].bias)
d = net.double()
print(d is net, net[0].weight.dtype, net(torch.ones(1, 2, dtype=torch.float64)))
net.float()
print(net[0].weight.dtype, net.to(torch.float64)[2].weight.dtype, net.to("cpu") is net)
try:
    net.to(torch.int64)
except TypeError as e:
    print("TypeError:", e)
print(net.cpu() is net)
