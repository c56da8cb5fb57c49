# Found by the differential fuzzer: a view made with grad mode on of a view made in no_grad is
# "a view of a view which was created in no_grad mode" when modified in place.
import torch
def attempt(f):
    try:
        f()
        print("ok")
    except RuntimeError as e:
        print(str(e)[:170])
b = torch.ones(2, 3, requires_grad=True)
c = b * 1
with torch.no_grad():
    v0 = c.view(-1)
v3 = v0.unsqueeze(0)
print(v3.grad_fn.name())
attempt(lambda: v3.add_(1))
attempt(lambda: v0.add_(1))
with torch.no_grad():
    w0 = c[0]
w1 = w0[1:]
attempt(lambda: w1.mul_(2))
attempt(lambda: (c.add_(1), w1 * 2))
u = c.unbind(0)[0]
u2 = u[1:]
attempt(lambda: u2.add_(1))
attempt(lambda: u.add_(1))
with torch.no_grad():
    x0 = b.view(-1)
x1 = x0[1:]
attempt(lambda: x1.add_(1))
