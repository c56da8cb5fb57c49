# x.data shares x's storage but has a version counter of its own (PyTorch's variable_data):
# writing through it leaves x._version, which autograd checks, unchanged, so a graph that
# saved x still runs backward (with the new values)
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
y = (w * w).sum()
d = w.data
d.mul_(2)
print(w._version, d._version, w.data._version, w)
y.backward()
print(w.grad)
e = w.data[0]
e.add_(1)
print(w, w._version, e._version)
with torch.no_grad():
    w.add_(1)
print(w._version, w.data._version)
v = w.detach()
v.add_(1)
print(w._version, v._version)
print(w.stride(), w.data.stride(0), torch.zeros(2, 3).t().stride(), torch.zeros(2, 3)[:, 1].stride(-1))
