# saved_tensors_hooks: only the innermost pair applies; what pack returns is all the node keeps,
# so the version check does not happen; the errors PyTorch raises for misbehaving hooks
import torch

def named(n):
    def pack(t):
        print("  pack", n, t)
        return t
    def unpack(t):
        print("  unpack", n)
        return t
    return pack, unpack

x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(*named("outer")):
    a = x * x
    with torch.autograd.graph.saved_tensors_hooks(*named("inner")):
        b = x.exp()
        c = x.tanh()
    d = x.sin()
(a + b + c + d).sum().backward()
print(x.grad)

# identity hooks: the node still holds the tensor itself, and an in-place change goes unnoticed
x.grad = None
p = x * 2
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
    q = p * p
p.add_(1)
q.sum().backward()
print("identity hooks see the new values:", x.grad)
# a clone in pack keeps the values as they were
x.grad = None
p = x * 2
with torch.autograd.graph.saved_tensors_hooks(lambda t: t.clone(), lambda t: t):
    q = p * p
p.add_(1)
q.sum().backward()
print("a clone keeps the old ones:", x.grad)
# without hooks the same program raises
x.grad = None
p = x * 2
q = p * p
p.add_(1)
try:
    q.sum().backward()
except RuntimeError as e:
    print("no hooks:", str(e)[:80])

# unpack must give a tensor
with torch.autograd.graph.saved_tensors_hooks(lambda t: 5, lambda t: t):
    e = x * x
try:
    e.sum().backward()
except TypeError as err:
    print("TypeError:", err)
# pack must not modify its input in place
with torch.autograd.graph.saved_tensors_hooks(lambda t: t.mul_(2), lambda t: t):
    try:
        f = x.detach() * x
    except RuntimeError as err:
        print("RuntimeError:", err)
# a pack hook that raises stops the op
def bad_pack(t):
    raise ValueError("pack refuses")
with torch.autograd.graph.saved_tensors_hooks(bad_pack, lambda t: t):
    try:
        g = x * x
    except ValueError as err:
        print("ValueError:", err)
# the saved tensors are freed after backward as usual
with torch.autograd.graph.saved_tensors_hooks(*named("once")):
    h = (x * x).sum()
h.backward()
try:
    h.backward()
except RuntimeError as err:
    print(str(err)[:60])

# disable_saved_tensors_hooks
with torch.autograd.graph.disable_saved_tensors_hooks("saved tensors hooks are off in this block"):
    try:
        with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
            pass
    except RuntimeError as err:
        print("disabled:", err)
    k = x * x
    print(k)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
    try:
        with torch.autograd.graph.disable_saved_tensors_hooks("cannot switch off"):
            pass
    except RuntimeError as err:
        print("in force:", err)
with torch.autograd.graph.saved_tensors_hooks(*named("again")):
    m = x * 3.0
    m.sum().backward()
print(x.grad)

# double backward through a saved tensor that pack copied: unpack's result keeps x's place in the graph
x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t.clone(), lambda t: t):
    y = (x ** 3).sum()
    t = (x * x.sin()).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
print(g, g.grad_fn)
g.sum().backward()
print(x.grad)
g2, = torch.autograd.grad(t, x, create_graph=True)
print(g2)
print(torch.autograd.grad(g2.sum(), x))
