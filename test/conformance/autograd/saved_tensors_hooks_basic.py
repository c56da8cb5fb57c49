# torch.autograd.graph.saved_tensors_hooks: every tensor an op saves for backward goes through
# pack when it is saved and through unpack when backward (or grad_fn._saved_*) needs it back
import torch

def pack(t):
    print("  pack", t.shape, t.requires_grad, t.grad_fn, torch.is_grad_enabled())
    return t * 1

def unpack(p):
    print("  unpack", p, p.requires_grad)
    return p

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    print("mul")
    y = x * w
    print("exp (saves its result)")
    z = y.exp()
    print("times a number (a wrapped number is not packed)")
    s = z * 2
    print("sum saves nothing")
    loss = s.sum()
print("outside")
u = x.sin()
print("_saved_self:")
sv = y.grad_fn._saved_self
print(sv, sv is x, sv.is_leaf)
print("_saved_result:")
print(z.grad_fn._saved_result)
print("backward:")
loss.backward()
print(x.grad)
print(w.grad)
try:
    y.grad_fn._saved_self
except RuntimeError as e:
    print("after backward:", e)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    with torch.no_grad():
        n = x * w
    print("no_grad saved nothing:", n)
    d = x.detach() * 3
    print("nothing requires grad:", d)
h = torch.autograd.graph.saved_tensors_hooks(pack, unpack)
print(type(h).__name__, h.pack_hook is pack, h.unpack_hook is unpack)
