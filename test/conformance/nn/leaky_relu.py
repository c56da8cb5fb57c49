# LeakyReLU / F.leaky_relu: LeakyReluBackward0, the slope applied below zero in the forward and backward
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([-2.0, -0.5, 0.0, 0.3, 1.7], requires_grad=True)
y = F.leaky_relu(x)
print(y, y.grad_fn)
y.backward(torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0]))
print(x.grad)
act = nn.LeakyReLU(0.2)
print(act, act(x))
x.grad = None
(act(x) * x).sum().backward()
print(x.grad)
print(F.leaky_relu(torch.tensor([-1.0, 2.0], dtype=torch.float64), negative_slope=0.1))
print(nn.Sequential(nn.Linear(2, 2), nn.LeakyReLU()))
