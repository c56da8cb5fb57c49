# grad_fn._raw_saved_self.register_hooks(pack, unpack) (PyTorch docs, autograd mechanics: hooks for saved tensors)
import torch
torch.manual_seed(0)
calls = []
def pack_hook(t):
    calls.append('pack')
    return t.clone() * 1
def unpack_hook(p):
    calls.append('unpack')
    return p
x = torch.randn(5, requires_grad=True)
y = x.pow(2)
r = y.grad_fn._raw_saved_self
print(type(r), type(r).__name__, r)
print(y.grad_fn._raw_saved_self is y.grad_fn._raw_saved_self)
r.register_hooks(pack_hook, unpack_hook)
print(calls)
s = y.grad_fn._saved_self
print(calls, s.equal(x), s is x, s.requires_grad, s.grad_fn)
try:
    r.register_hooks(pack_hook, unpack_hook)
except RuntimeError as e:
    print(e)
y.sum().backward()
print(calls, x.grad)
try:
    y.grad_fn._raw_saved_self.register_hooks(pack_hook, unpack_hook)
except RuntimeError as e:
    print(e)
z = x.exp()
z.grad_fn._raw_saved_result.register_hooks(lambda t: t, lambda t: t)
print(z.grad_fn._saved_result.equal(z), z.grad_fn._saved_result is z)
z.sum().backward()
print(x.grad)
def bad_unpack(p):
    return 1
v = x.sin()
v.grad_fn._raw_saved_self.register_hooks(lambda t: t, bad_unpack)
try:
    v.sum().backward()
except TypeError as e:
    print(e)
