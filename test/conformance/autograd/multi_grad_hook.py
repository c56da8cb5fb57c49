# torch.autograd.graph.register_multi_grad_hook: mode "all" calls fn once per backward, after
# every tensor's gradient this backward computes is ready (None for the others); mode "any" calls
# fn with the first gradient; increment_version bumps a version counter as an in-place op would
import torch
from torch.autograd.graph import register_multi_grad_hook, increment_version

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
c = a * b
d = a * b

def show(grads):
    print("all:", [None if g is None else g.tolist() for g in grads])

h = register_multi_grad_hook((a, b, c, d), show)
print(type(h).__name__)
c.sum().backward(retain_graph=True)
c.sum().backward(inputs=(a,), retain_graph=True)
(c.sum() + d.sum()).backward(retain_graph=True)
h.remove()
c.sum().backward(retain_graph=True)
print("removed: nothing printed")

order = []
h = register_multi_grad_hook((a, b), lambda g: order.append(g.tolist()), mode="any")
(c.sum() + d.sum()).backward(retain_graph=True)
(c.sum() * 2).backward(retain_graph=True)
print("any:", order)
h.remove()

# only non-leaf tensors: works under autograd.grad too
h = register_multi_grad_hook((c, d), lambda grads: print("grad:", grads))
print(torch.autograd.grad(c.sum(), (a,), retain_graph=True))
h.remove()

try:
    register_multi_grad_hook((a,), show, mode="some")
except ValueError as e:
    print("ValueError:", e)

# increment_version
w = torch.ones(3)
print(w._version)
increment_version(w)
increment_version([w, w])
print(w._version)
q = torch.tensor([1.0, 2.0], requires_grad=True)
s = q.exp()
increment_version(s)
try:
    s.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)

# a leaf among the tensors while autograd.grad runs: PyTorch cannot tell, and says so
h = register_multi_grad_hook((a, c), show)
torch.autograd.grad(c.sum(), (a,), retain_graph=True)
