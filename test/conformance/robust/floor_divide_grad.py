# a // b has no derivative: a float result gets PyTorch's NotImplemented node, and backward
# through it raises instead of silently treating it as a constant. a % b has one.
import torch

b = torch.tensor([1.5, 2.5], requires_grad=True)
c = torch.tensor([3.0, -4.0])
y = b // 1
print(y, y.requires_grad, y.grad_fn.name(), len(y.grad_fn.next_functions))
print(c // b, (b // c).grad_fn.next_functions[0][0].name(), len((c // b).grad_fn.next_functions))
print(7 // b, (torch.tensor([1, 2]) // 2).requires_grad)

r = b % 2
print(r)
r.sum().backward()
print(b.grad)
b.grad = None
r = c % b
print(r, r.grad_fn.name(), r.grad_fn.next_functions[1][0])
r = b % (c * 1).requires_grad_()
print(r)

a = torch.tensor([1.0, -1.0, 7.5, -7.5, 0.0, -0.0, 3.0])
for d in [0.1, -0.1, 3.0, -3.0, 0.3]:
    print(a // d)
    print(a.double() // d)

try:
    (7 % b).sum().backward()
except RuntimeError as e:
    print(e)
(y * b).sum().backward()
