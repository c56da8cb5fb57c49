# torch.nn.utils.clip_grad_norm_ returns the total norm of the gradients and scales them in place
# when it exceeds max_norm (every alias of .grad sees it); clip_grad_value_ clamps them
import torch
import torch.nn as nn
from torch.nn.utils import clip_grad_norm_, clip_grad_value_

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
x = torch.randn(5, 3)
loss = (net(x) ** 2).sum() * 10
loss.backward()
g = net[0].weight.grad
before = g.clone()
total = clip_grad_norm_(net.parameters(), max_norm=1.0)
print(total, total.requires_grad, total.grad_fn)
print(g is net[0].weight.grad, g._version)
print(net[0].weight.grad)
print(before / net[0].weight.grad)
print(torch.nn.utils.clip_grad_norm_(net.parameters(), 100.0))
print(torch.nn.utils.clip_grad_norm_(net[2].weight, 0.5, norm_type=1))
print(net[2].weight.grad)
print(nn.utils.clip_grad_norm_([], 1.0))
clip_grad_value_(net.parameters(), 0.01)
print(net[0].bias.grad)
