# the errors the issue names: hooks where no gradient flows, mark_dirty misuse, inference
# tensors in autograd
import torch

a = torch.tensor([1.0, 2.0])
for what, call in [
    ("register_hook", lambda: a.register_hook(lambda g: g)),
    ("register_post_accumulate_grad_hook", lambda: a.register_post_accumulate_grad_hook(lambda t: None)),
]:
    try:
        call()
    except RuntimeError as e:
        print(what, "->", e)
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
try:
    y.register_post_accumulate_grad_hook(lambda t: None)
except RuntimeError as e:
    print("non-leaf ->", e)
with torch.no_grad():
    z = x * 2
try:
    z.register_hook(lambda g: g)
except RuntimeError as e:
    print("made under no_grad ->", e)

class AddOneInPlace(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        t.add_(1)
        ctx.mark_dirty(t)
        return t

    @staticmethod
    def backward(ctx, g):
        return g

class DirtyNotReturned(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        t.add_(1)
        ctx.mark_dirty(t)
        return t * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2

try:
    AddOneInPlace.apply(x)
except RuntimeError as e:
    print("leaf ->", e)
b = x * 1
out = AddOneInPlace.apply(b)
print(out, out is b, out.grad_fn, b._version)
try:
    DirtyNotReturned.apply(x * 1)
except RuntimeError as e:
    print("not returned ->", e)

with torch.inference_mode():
    i = torch.ones(2)
    j = torch.ones(2, requires_grad=True) * 3
print(i.is_inference(), j.requires_grad, j.grad_fn)
try:
    torch.autograd.grad((x * i).sum(), i)
except RuntimeError as e:
    print("grad w.r.t. an inference tensor ->", e)
try:
    i.register_hook(lambda g: g)
except RuntimeError as e:
    print("hook on an inference tensor ->", e)
try:
    AddOneInPlace.apply(i)
except RuntimeError as e:
    print("custom Function on an inference tensor ->", e)
print(AddOneInPlace.apply(i.clone()))
