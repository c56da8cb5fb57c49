# Activation and shape layers as modules: ReLU, Tanh, Sigmoid, Softmax/LogSoftmax (dim, and the implicit-dim
# warning), Flatten/Unflatten, Identity; their reprs and grad_fn names
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 4, requires_grad=True)
for m in [nn.ReLU(), nn.Tanh(), nn.Sigmoid(), nn.Softmax(dim=1), nn.LogSoftmax(dim=-1), nn.Flatten(), nn.Flatten(0, 1), nn.Identity(), nn.Unflatten(2, (2, 2))]:
    y = m(x)
    print(m, y.shape, y.grad_fn)
print(nn.Softmax(dim=1)(x)[0])
print(nn.LogSoftmax(dim=2)(x)[1])
print(nn.Identity()(x) is x, nn.Identity(3, k=4))
s = nn.Softmax()
print(s)
print(s(torch.tensor([[1.0, 2.0], [3.0, 5.0]])))
print(F.softmax(torch.tensor([1.0, 2.0, 3.0]), dim=0), F.log_softmax(torch.tensor([1.0, 2.0, 3.0]), dim=0))
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 5), nn.ReLU(), nn.Linear(5, 3), nn.LogSoftmax(dim=1))
print(model)
out = model(x)
print(out)
loss = F.nll_loss(out, torch.tensor([0, 2]))
loss.backward()
print(loss, model[1].bias.grad)
print(nn.ReLU(inplace=True), nn.Tanh()(torch.tensor([0.5])))
t = torch.arange(12.0).reshape(3, 4)
print(t.unflatten(1, (2, 2)).shape, t.unflatten(-1, (2, -1)).shape, t.unflatten(0, [3, 1]).shape)
try:
    t.unflatten(1, (3, 2))
except RuntimeError as e:
    print("RuntimeError:", e)
