# more of nn.Module's full backward hooks: several inputs and outputs, a Sequential's children in
# backward order, a module called twice, an output that is not a tensor, and ReLU(inplace=True)
import torch
import torch.nn as nn

class Pair(nn.Module):
    def forward(self, a, b, scale):
        return a * b * scale, a + b

p = Pair()
p.register_full_backward_pre_hook(lambda m, go: print("pre", go))
p.register_full_backward_hook(lambda m, gi, go: print("hook", gi, go))
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0])
u, v = p(a, b, 2.0)
print(u.grad_fn.name(), v.grad_fn.name())
(u.sum() + 3 * v.sum()).backward()
print(a.grad)

torch.manual_seed(0)
seq = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
order = []
for name, child in seq.named_children():
    child.register_full_backward_hook(lambda m, gi, go, name=name: order.append(name))
    child.register_full_backward_pre_hook(lambda m, go, name=name: order.append("pre " + name))
x = torch.tensor([[0.5, -1.0]], requires_grad=True)
seq(x).sum().backward()
print(order)
print(x.grad)

# called twice: each call has hook nodes of its own
t = nn.Tanh()
calls = []
t.register_full_backward_hook(lambda m, gi, go: calls.append(gi[0].tolist()))
z = t(t(x))
z.sum().backward()
print(calls)

# an output that is not a tensor or tuple of tensors: a warning, and the hook never fires
class Dict(nn.Module):
    def forward(self, x):
        return {"y": x * 2}

d = Dict()
d.register_full_backward_hook(lambda m, gi, go: print("never"))
out = d(x)
out["y"].sum().backward()
print("dict done")

# an in-place op on the wrapped input inside forward is refused
r = nn.ReLU(inplace=True)
r.register_full_backward_hook(lambda m, gi, go: None)
try:
    r(x * 1)
except RuntimeError as e:
    print("RuntimeError:", str(e)[:120])
try:
    r.register_backward_hook(lambda m, gi, go: None)
except RuntimeError as e:
    print("RuntimeError:", e)
