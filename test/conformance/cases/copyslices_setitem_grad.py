# In-place on a view of a non-leaf: the base's grad_fn becomes CopySlices, the view's AsStridedBackward0
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a * 2
print(b.grad_fn, b._version)
b[0] = 5
print(b)
print(b.grad_fn.name(), b.is_leaf, b.requires_grad, b._version)
v = b[1:]
print(v.grad_fn)
v.mul_(3)
print(b)
print(v)
print(v.grad_fn.name(), v.grad_fn.next_functions[0][0] is b.grad_fn)
print(b.grad_fn.next_functions)
print(v._version, b._version)
b.sum().backward()
print(a.grad)

# the same with a 2-d base and a column
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = x * 1
col = y[:, 1]
col.zero_()
print(y)
print(col)
(y * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(x.grad)
