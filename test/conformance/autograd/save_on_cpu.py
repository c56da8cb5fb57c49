# torch.autograd.graph.save_on_cpu: a saved_tensors_hooks pair that keeps saved tensors on the
# CPU (on a CPU-only machine: the tensor itself, or a copy with pin_memory=True)
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with torch.autograd.graph.save_on_cpu():
    y = x * x
    z = y.exp().sum()
s = y.grad_fn._saved_self
print(s, s is x, s.data_ptr() == x.data_ptr())
z.backward()
print(x.grad)

# pin_memory=True packs a copy: an in-place change afterwards does not reach it
x.grad = None
a = x * 2
with torch.autograd.graph.save_on_cpu(pin_memory=True):
    b = a * a
saved = b.grad_fn._saved_self
print(saved, saved.data_ptr() == a.data_ptr())
a.add_(10)
b.sum().backward()
print(x.grad)

# without pin_memory the tensor itself is kept: the change is seen, and no version error is raised
x.grad = None
a = x * 2
with torch.autograd.graph.save_on_cpu():
    b = a * a
a.add_(10)
b.sum().backward()
print(x.grad)

h = torch.autograd.graph.save_on_cpu()
print(isinstance(h, torch.autograd.graph.saved_tensors_hooks), h.pack_hook.__name__, h.unpack_hook.__name__)
with torch.autograd.graph.save_on_cpu(pin_memory=True):
    with torch.autograd.graph.saved_tensors_hooks(lambda t: print("  inner pack") or t, lambda t: print("  inner unpack") or t):
        c = (x * x).sum()
c.backward()
print(x.grad)
