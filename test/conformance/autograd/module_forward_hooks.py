# nn.Module's forward hooks: pre-hooks may replace the arguments (with_kwargs: args and kwargs),
# forward hooks may replace the output; prepend, always_call, handles' remove()
import torch
import torch.nn as nn

class Scale(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([2.0, 3.0]))

    def forward(self, x, bias=0.0):
        print("  forward", x, bias)
        return x * self.w + bias

m = Scale()
def pre(mod, args):
    print("pre", args)
    return (args[0] + 1,)

def pre_kw(mod, args, kwargs):
    print("pre kw", args, kwargs)
    return args, {"bias": 100.0}

def post(mod, args, out):
    print("post", args, out)
    return out * 10

def post_kw(mod, args, kwargs, out):
    print("post kw", kwargs, out)

h1 = m.register_forward_pre_hook(pre)
h2 = m.register_forward_pre_hook(pre_kw, with_kwargs=True)
h3 = m.register_forward_hook(post)
h4 = m.register_forward_hook(post_kw, with_kwargs=True, prepend=True)
x = torch.tensor([1.0, 1.0], requires_grad=True)
y = m(x, bias=5.0)
print(y)
y.sum().backward()
print(x.grad, m.w.grad)
print(type(h1).__name__, h1.id - h1.id)
h1.remove()
h2.remove()
h3.remove()
h4.remove()
h4.remove()
print(m(x))

# a pre-hook that returns something that is not a tuple replaces the single argument
m.register_forward_pre_hook(lambda mod, args: args[0] * 0)
print(m(x))

# pre-hook with kwargs returning a wrong shape
m2 = Scale()
m2.register_forward_pre_hook(lambda mod, a, k: (a,), with_kwargs=True)
try:
    m2(x)
except RuntimeError as e:
    print("RuntimeError:", e)

# always_call: the hook runs even when forward raises
class Boom(nn.Module):
    def forward(self, x):
        raise ValueError("boom")

b = Boom()
b.register_forward_hook(lambda mod, args, out: print("always called, out =", out), always_call=True)
b.register_forward_hook(lambda mod, args, out: print("not called"))
try:
    b(x)
except ValueError as e:
    print("ValueError:", e)

# hooks on a Sequential's children, in order
seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
names = []
for name, child in seq.named_children():
    child.register_forward_hook(lambda mod, args, out, name=name: names.append((name, type(mod).__name__, tuple(out.shape))))
torch.manual_seed(0)
seq(torch.ones(3, 2))
print(names)
