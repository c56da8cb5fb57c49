# Quirks of the global module hooks: a global forward hook registered with_kwargs and always_call
# is called without kwargs when forward raises (its TypeError becomes a warning); removing its
# handle leaves with_kwargs behind; the deprecated global backward hook and the module's own
import torch
import torch.nn as nn
import torch.nn.modules.module as module_py

class Boom(nn.Module):
    def forward(self, x, flag=False):
        if flag:
            raise ValueError("boom")
        return x * 2

def needs_kwargs(mod, args, kwargs, out):
    print("global hook with kwargs", kwargs, out)

h = module_py.register_module_forward_hook(needs_kwargs, with_kwargs=True, always_call=True)
b = Boom()
print(b(torch.ones(2), flag=False))
try:
    b(torch.ones(2), flag=True)
except ValueError as e:
    print("ValueError:", e)
h.remove()
print(len(module_py._global_forward_hooks), len(module_py._global_forward_hooks_with_kwargs), len(module_py._global_forward_hooks_always_called))

# the global deprecated backward hook runs before the module's own deprecated one
lin = nn.Linear(2, 1)
lin.register_backward_hook(lambda m, gi, go: print("module's own", len(gi)))
g = module_py.register_module_backward_hook(lambda m, gi, go: print("global", type(m).__name__, len(gi)))
lin(torch.ones(3, 2, requires_grad=True)).sum().backward()
g.remove()
print(module_py._global_is_full_backward_hook)
lin(torch.ones(3, 2, requires_grad=True)).sum().backward()
try:
    module_py.register_module_full_backward_hook(lambda m, gi, go: None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(module_py.register_module_forward_pre_hook.__name__)
