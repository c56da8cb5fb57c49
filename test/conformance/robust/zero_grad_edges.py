# Gradients PyTorch defines where the naive formula divides by zero: std of a constant, the
# norm of zeros (0, not nan), logsumexp of rows far apart (each row's own max).
import torch

x = torch.tensor([2.0, 2.0, 2.0], requires_grad=True)
x.std().backward()
print(x.grad)
z = torch.zeros(3, requires_grad=True)
for p in [2, 3, 1.5, 1, 0.5, float("inf")]:
    z.grad = None
    z.norm(p=p).backward()
    print(p, z.grad)
m = torch.zeros(2, 3, requires_grad=True)
m.norm(dim=1).sum().backward()
print(m.grad)
m.grad = None
m.std(1).sum().backward()
print(m.grad)

one = torch.tensor([3.0], requires_grad=True)
for f in [lambda: one.std(), lambda: one.var(), lambda: one.var(0), lambda: one.std(correction=2)]:
    one.grad = None
    y = f()
    y.backward()
    print(y, one.grad)

l = torch.tensor([[1000.0, 0.0], [0.0, -1000.0]], requires_grad=True)
y = l.logsumexp(1)
print(y)
y.sum().backward()
print(l.grad)
print(torch.tensor([[float("inf"), 0.0], [1.0, 2.0]]).logsumexp(dim=1), l.logsumexp(dim=(0, 1)))
