# detect_anomaly warns when made and restores the previous mode on exit; set_detect_anomaly
# switches at the call and restores on exit when used with `with`; check_nan=False keeps the
# stacks but lets NaN through; under anomaly mode the in-place error's hint changes, and a node
# made by a create_graph backward names the node whose backward made it
import torch

print(torch.autograd.detect_anomaly, torch.autograd.set_detect_anomaly)
with torch.autograd.detect_anomaly():
    print("inside", torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = a.exp()
    b.add_(1)
    try:
        b.sum().backward()
    except RuntimeError as e:
        print(e)
print("after", torch.is_anomaly_enabled())

with torch.autograd.detect_anomaly(check_nan=False):
    print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
    x = torch.tensor([0.0, 1.0], requires_grad=True)
    (x.sqrt() * 0).sum().backward()
    print(x.grad)
print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())

s = torch.autograd.set_detect_anomaly(True)
print(type(s).__name__, torch.is_anomaly_enabled())
with torch.autograd.set_detect_anomaly(False):
    print(torch.is_anomaly_enabled())
print(torch.is_anomaly_enabled())

c = torch.tensor([0.0, 1.0], requires_grad=True)
d = c.sqrt()
g, = torch.autograd.grad(d.sum(), c, create_graph=True)
print(g, g.grad_fn)
try:
    (g * 0).sum().backward()
except RuntimeError as e:
    print(e)

e = torch.tensor([0.0, 1.0], requires_grad=True)
f = e.sqrt()
f.sum().backward(create_graph=True)
try:
    (e.grad * 0).sum().backward()
except RuntimeError as err:
    print(err)
torch.autograd.set_detect_anomaly(False)
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.exp()
b.add_(1)
try:
    b.sum().backward()
except RuntimeError as e:
    print(e)
torch.set_anomaly_enabled(True)
print(torch.is_anomaly_enabled())
torch.autograd.set_detect_anomaly("yes")
