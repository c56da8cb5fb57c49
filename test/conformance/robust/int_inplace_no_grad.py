# copy_ into an integer tensor is not recorded (so the gradient through it is not doubled);
# fill_ and masked_fill_ are, as in PyTorch.
import torch

b = torch.tensor([1.5, 2.5], requires_grad=True)
c = torch.zeros(2, dtype=torch.long)
c.copy_(b)
print(c, c.requires_grad, c.grad_fn)
(c * b).sum().backward()
print(b.grad)

c = torch.zeros(4, dtype=torch.long)
c[:2] = b
print(c, c.requires_grad)
c = torch.zeros(2, dtype=torch.long)
c[0] = b[1]
print(c, c.requires_grad)

c = torch.zeros(2, dtype=torch.long)
c[0:1] = b[1]
print(c)
c = torch.zeros(2, dtype=torch.long)
c.masked_fill_(torch.tensor([True, False]), b[0])
print(c)

d = torch.zeros(2, dtype=torch.bool)
d.fill_(b[0])
print(d)
y = d * b
print(y)
y.sum().backward()
