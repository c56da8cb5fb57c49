import torch
a = torch.tensor([2.0, -1.0, 4.0], requires_grad=True)
b = torch.tensor([0.5, 4.0, -2.0], requires_grad=True)
p = a * b
q = a / b
r = a * 3
s = a / 4
t = 8 / b
for name, v in [("p", p), ("q", q), ("r", r), ("s", s), ("t", t)]:
    print(name, v, v.grad_fn.name())
(p + q).sum().backward()
print(a.grad)
print(b.grad)
