# anomaly mode: a backward that returns NaN fails naming the node and which of its outputs,
# and warns (stderr) with the stack of the forward call that made the node
import torch


def scaled_root(x):
    return torch.sqrt(x) * 2


def model(x):
    y = scaled_root(x) + 1
    return y


print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
torch.autograd.set_detect_anomaly(True)
print(torch.is_anomaly_enabled())
x = torch.tensor([0.0, 1.0, 4.0], requires_grad=True)
out = model(x).sum() * 0
try:
    out.backward()
except RuntimeError as e:
    print("RuntimeError:", e)
print(x.grad)

# an infinite gradient is not NaN: no error
g, = torch.autograd.grad(x.sqrt().sum(), x)
print(g)

c = torch.tensor([0.0, 2.0], requires_grad=True)
d = c / c
try:
    torch.autograd.grad(d.sum(), c)
except RuntimeError as e:
    print("RuntimeError:", e)

# made while anomaly mode was off: no forward stack to show
torch.autograd.set_detect_anomaly(False)
early = torch.tensor([0.0], requires_grad=True)
root = early.sqrt()
torch.autograd.set_detect_anomaly(True)
try:
    (root * 0).backward()
except RuntimeError as e:
    print("RuntimeError:", e)

torch.autograd.set_detect_anomaly(False)
print((x.sqrt() * 0).sum().backward(), x.grad)
torch.autograd.set_detect_anomaly(True)
(torch.log(torch.tensor([0.0], requires_grad=True)) * 0).backward()
