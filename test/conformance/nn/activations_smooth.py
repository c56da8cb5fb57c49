# GELU (exact: oneDNN's kernel; tanh: ATen's), Softplus, ELU, SELU, CELU and SiLU: values and
# gradients to the last bit, the vector blocks and the scalar tails, modules and their reprs
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.cat([torch.randn(37) * 3, torch.tensor([0.0, -0.0, 25.0, -25.0, 1e-3])]).requires_grad_()
g = torch.randn(42)
for name, f in [("gelu", F.gelu), ("gelu_tanh", lambda t: F.gelu(t, approximate="tanh")),
                ("softplus", F.softplus), ("softplus_b2", lambda t: F.softplus(t, beta=2, threshold=5)),
                ("elu", F.elu), ("elu_a", lambda t: F.elu(t, alpha=0.5)), ("selu", F.selu),
                ("celu", lambda t: F.celu(t, alpha=1.5)), ("silu", F.silu)]:
    y = f(x)
    gx, = torch.autograd.grad(y, x, g)
    print(name, y.grad_fn.name())
    print(y.tolist())
    print(gx.tolist())
one = torch.tensor([0.75], requires_grad=True)
y1 = F.gelu(one)
y1.backward()
print(y1.item(), one.grad.item())
for m in [nn.GELU(), nn.GELU(approximate="tanh"), nn.Softplus(), nn.Softplus(beta=2, threshold=10), nn.ELU(), nn.ELU(alpha=0.3),
          nn.SELU(), nn.CELU(alpha=2.0), nn.SiLU()]:
    out = m(torch.linspace(-3, 3, 7))
    print(m, out)
net = nn.Sequential(nn.Linear(4, 8), nn.GELU(), nn.Linear(8, 8), nn.SiLU(), nn.Linear(8, 1), nn.Softplus())
print(net)
loss = net(torch.randn(5, 4)).mean()
loss.backward()
print(loss.item(), net[0].weight.grad.tolist()[0], net[2].bias.grad.tolist())
print(F.gelu(torch.tensor([[1.0, -2.0], [0.5, 3.0]]).t()))
try:
    F.gelu(x, approximate="sigmoid")
except RuntimeError as e:
    print(e)
try:
    F.celu(x, alpha=0.0)
except RuntimeError as e:
    print(e)
