# reading a non-leaf's .grad warns (stderr) and gives None; requires_grad on an int tensor, both spellings
import torch
a = torch.tensor([1., 2.], requires_grad=True)
b = a * 2
b.sum().backward()
print(b.grad)
c = torch.tensor([1, 2])
try:
    c.requires_grad = True
except RuntimeError as e:
    print(e)
try:
    c.requires_grad_()
except RuntimeError as e:
    print(e)
t = torch.Tensor([2.0, 3])
print(t, t.dtype, torch.Tensor([[1, 2]]).double())
