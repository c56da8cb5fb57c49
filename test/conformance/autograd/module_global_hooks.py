# torch.nn.modules.module's global hooks: they run for every module, before the module's own
# hooks; handles remove them; regular and full global backward hooks cannot be mixed
import torch
import torch.nn as nn
from torch.nn.modules.module import (
    register_module_forward_pre_hook,
    register_module_forward_hook,
    register_module_full_backward_hook,
    register_module_full_backward_pre_hook,
    register_module_backward_hook,
)
import torch.nn.modules.module as module_py

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))

def shapes(ts):
    return [None if t is None else tuple(t.shape) for t in ts]

def pre(mod, args):
    print("pre ", type(mod).__name__, shapes(args))

def post(mod, args, out):
    print("post", type(mod).__name__, tuple(out.shape))

def post_kw(mod, args, kwargs, out):
    print("post kw", type(mod).__name__, kwargs)

def bw_pre(mod, grad_output):
    print("backward pre", type(mod).__name__, shapes(grad_output))

def bw(mod, grad_input, grad_output):
    print("backward", type(mod).__name__, shapes(grad_input), shapes(grad_output))

handles = [
    register_module_forward_pre_hook(pre),
    register_module_forward_hook(post),
    register_module_forward_hook(post_kw, with_kwargs=True),
    register_module_full_backward_pre_hook(bw_pre),
    register_module_full_backward_hook(bw),
]
model[0].register_forward_hook(lambda mod, args, out: print("fc1's own hook, after the global ones"))
x = torch.ones(4, 2, requires_grad=True)
y = model(x)
print(y.grad_fn)
y.sum().backward()
print(x.grad)
print(module_py._global_is_full_backward_hook)
try:
    register_module_backward_hook(bw)
except RuntimeError as e:
    print("RuntimeError:", e)

for h in handles:
    h.remove()
print(module_py._global_forward_hooks, module_py._global_backward_hooks, module_py._global_backward_pre_hooks)
model(x).sum().backward()

# a global pre-hook returning a single value replaces the argument
h = register_module_forward_pre_hook(lambda mod, args: args[0] * 0 if isinstance(mod, nn.Linear) else None)
print(model(x))
h.remove()

# always_call: runs when forward raises; an exception inside it is turned into a warning
class Boom(nn.Module):
    def forward(self, a):
        raise ValueError("boom")

h = register_module_forward_hook(lambda mod, args, out: print("always", type(mod).__name__, out), always_call=True)
try:
    Boom()(x)
except ValueError as e:
    print("ValueError:", e)
h.remove()

def failing(mod, args, out):
    raise KeyError("inside the hook")

h = register_module_forward_hook(failing, always_call=True)
try:
    Boom()(x)
except ValueError as e:
    print("ValueError:", e)
h.remove()

# the deprecated global backward hook sits on each module's last node
h = register_module_backward_hook(bw)
model(x).sum().backward()
h.remove()
register_module_full_backward_hook(bw)
