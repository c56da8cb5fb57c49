# retain_grad on a view follows its grad_fn when that is regenerated
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a * 2
v = b[1:]
v.retain_grad()
v.mul_(3)
b.sum().backward()
print(v.grad, v.grad_fn)

b = a * 2
v = b[1:]
v.retain_grad()
b[0] = 4.
(v * 5).sum().backward()
print(v.grad)

# on the tensor itself: an in-place op moves the retained gradient to the new grad_fn
b = a * 2
b.retain_grad()
b.mul_(3)
(b * b).sum().backward()
print(b.grad)
