# what in-place math refuses: leaves that require grad, results that do not fit, modified saved tensors
import torch
x = torch.tensor([0.5, 2.0], requires_grad=True)
for f in [lambda: x.sin_(), lambda: torch.arange(3).sqrt_(), lambda: torch.arange(3.0).pow_(torch.ones(2, 3)),
          lambda: x.exp_(1), lambda: x.exp_(foo=1), lambda: x.detach().clamp_min_()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(torch.arange(3).neg_())
y = x * 2
e = y.exp()
y.tanh_()
try:
    e.sum().backward()
except RuntimeError as err:
    print(err)
y = x * 2
t = y.tanh_()
t.mul_(2)
try:
    t.sum().backward()
except RuntimeError as err:
    print(err)
with torch.no_grad():
    x.mul_(2).sin_()
print(x)
