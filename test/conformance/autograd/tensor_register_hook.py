# Tensor.register_hook: a hook sees the gradient flowing into a tensor and may replace it;
# handles remove hooks; hooks on leaves run before .grad is accumulated
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2

def times_ten(g):
    print("hook on y sees", g)
    return g * 10

h = y.register_hook(times_ten)
print(h, type(h))
z = (y ** 2).sum()
z.backward()
print(x.grad)
h.remove()
h.remove()
x.grad = None
(x * 2).pow(2).sum().backward()
print(x.grad)

hx = x.register_hook(lambda g: print("leaf hook sees", g))
x.grad = None
(x * 3).sum().backward()
print(x.grad)
hx.remove()
try:
    torch.ones(2).register_hook(lambda g: g)
except RuntimeError as e:
    print(e)

def wrong_size(g):
    return torch.ones(3)

d = x * 2
d.register_hook(wrong_size)
try:
    d.sum().backward()
except RuntimeError as e:
    print(e)

# a hook sees the gradient autograd.grad captures too
w = x * 5
w.register_hook(lambda g: g + 100)
print(torch.autograd.grad(w.sum(), x))
