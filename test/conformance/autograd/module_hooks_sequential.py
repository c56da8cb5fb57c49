# Hooks on an nn.Sequential and on its children: the deprecated hook on the Sequential sits on its
# last child's last op; full hooks see the Sequential's own input and output; forward pre-hooks
# with kwargs; the order the hooks run in
import torch
import torch.nn as nn

torch.manual_seed(0)
seq = nn.Sequential(nn.Linear(3, 2), nn.Sigmoid())
log = []

def named(tag):
    def hook(mod, grad_input, grad_output):
        log.append((tag, type(mod).__name__, [None if g is None else tuple(g.shape) for g in grad_input]))
    return hook

seq.register_backward_hook(named("seq deprecated"))
seq[0].register_full_backward_hook(named("linear full"))
seq[1].register_full_backward_hook(named("sigmoid full"))
seq[0].register_full_backward_pre_hook(lambda mod, go: log.append(("linear pre", tuple(go[0].shape))))
x = torch.randn(4, 3, requires_grad=True)
out = seq(x)
print(out.grad_fn)
out.sum().backward()
for entry in log:
    print(entry)
print(x.grad)

# forward pre-hook with kwargs sees and replaces keyword arguments
class Affine(nn.Module):
    def forward(self, x, scale=1.0, shift=0.0):
        return x * scale + shift

a = Affine()
def pre(mod, args, kwargs):
    print("pre sees", kwargs)
    return args, {**kwargs, "shift": 100.0}
h = a.register_forward_pre_hook(pre, with_kwargs=True)
print(a(torch.ones(2), scale=3.0))
def post(mod, args, kwargs, out):
    print("post sees", sorted(kwargs), out)
    return out + 1
h2 = a.register_forward_hook(post, with_kwargs=True, always_call=True)
print(a(torch.ones(2), scale=2.0))
h.remove()
h2.remove()
print(a(torch.ones(2), scale=2.0))
