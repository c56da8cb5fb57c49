# torch.autograd.functional's checks on v, on the function's outputs, and strict mode
import torch
from torch.autograd.functional import hessian, hvp, jvp, vhp, vjp

x = torch.tensor([1.0, 2.0])
tries = [
    lambda: vjp(lambda a: a * 2, x),
    lambda: vjp(lambda a: a * 2, x, torch.ones(3)),
    lambda: vjp(lambda a: a * 2, x, (torch.ones(2), torch.ones(2))),
    lambda: vjp(lambda a, b: (a * 2, b), (x, x), (torch.ones(2), torch.ones(3))),
    lambda: vjp(lambda a, b: (a * 2, b), (x, x), (torch.ones(2),)),
    lambda: hvp(lambda a: a * 2, x, torch.ones(2)),
    lambda: hessian(lambda a: a * 2, x),
    lambda: hessian(lambda a: a.sum() * 2, x, strict=True),
    lambda: vhp(lambda a: (a * 2).sum(), x, torch.ones(2), strict=True),
    lambda: jvp(lambda a: a * 2, x),
]
for t in tries:
    try:
        print(t())
    except RuntimeError as e:
        print("RuntimeError:", e)
print(vjp(lambda a: a.sum() * 0 + 1.0, x))
print(jvp(lambda a: a * 0 + 1, x, torch.ones(2)))
