import torch

# the default repr of an object shows its own address, the same each time it is shown
# (the recording writes every address as 0x0; these lines compare them instead)
def f():
    pass


def g():
    pass


x = torch.ones(2, requires_grad=True)
y = x * 2
z = y.sum()
fn = y.grad_fn
print(repr(f) == repr(f), repr(f) != repr(g), repr(fn) == repr(fn), repr(fn) != repr(f))
print(repr(fn) != repr(z.grad_fn), "0x0>" not in repr(f), "0x0>" not in repr(fn))
print(f, y.grad_fn)
