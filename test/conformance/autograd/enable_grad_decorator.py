# @torch.enable_grad() turns recording back on inside no_grad; set_grad_enabled as a call,
# a context manager and a decorator
import torch

x = torch.tensor([0.5, -1.0], requires_grad=True)

@torch.enable_grad()
def tracked(t):
    return t.exp()

with torch.no_grad():
    a = tracked(x)
    b = x.exp()
print(a)
print(b)

torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), x * 2)
torch.set_grad_enabled(True)
print(torch.is_grad_enabled(), x * 2)

with torch.set_grad_enabled(False):
    print(x + 1)
print(x + 1)

@torch.set_grad_enabled(False)
def frozen(t):
    return t - 1

print(torch.is_grad_enabled())
print(frozen(x))
print(torch.is_grad_enabled())
is_train = False
with torch.set_grad_enabled(is_train):
    out = x.sin()
print(out, out.requires_grad)
print(torch.enable_grad(), torch.set_grad_enabled(True))
try:
    torch.set_grad_enabled(1)
except TypeError as e:
    print(e)
