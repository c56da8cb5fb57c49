# torch.nn.init from the seeded generator: uniform_, normal_, constant_/zeros_/ones_/eye_, xavier_*,
# kaiming_* (fan modes, nonlinearities), calculate_gain; each returns the tensor it filled, under no_grad
import torch
import torch.nn as nn
from torch.nn import init

torch.manual_seed(0)
w = torch.empty(3, 5)
print(init.uniform_(w) is w, w)
print(init.normal_(w, mean=1.0, std=0.5))
print(init.xavier_uniform_(w))
print(init.xavier_normal_(w, gain=init.calculate_gain("tanh")))
print(init.kaiming_uniform_(w, mode="fan_out", nonlinearity="relu"))
print(init.kaiming_normal_(w))
print(init.kaiming_uniform_(w, a=0.1))
print(init.constant_(w, 0.25), init.zeros_(torch.empty(2)), init.ones_(torch.empty(2, 2)), init.eye_(torch.empty(2, 3)))
for nl in ["linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]:
    print(nl, init.calculate_gain(nl))
print(init.calculate_gain("leaky_relu", 0.2))
p = nn.Parameter(torch.empty(2, 3))
init.normal_(p)
print(p, p.grad_fn, p._version)
lin = nn.Linear(4, 2)
nn.init.zeros_(lin.bias)
nn.init.xavier_uniform_(lin.weight)
print(lin.weight, lin.bias)
c = torch.empty(2, 3, 2, 2)
print(init._calculate_fan_in_and_fan_out(c))
print(init.kaiming_uniform_(c).shape)
try:
    init.calculate_gain("softmax")
except ValueError as e:
    print("ValueError:", e)
try:
    init.xavier_uniform_(torch.empty(3))
except ValueError as e:
    print("ValueError:", e)
