# Ellipsis and None next to advanced indices
import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
print(x[..., [1]])
print(x[[2], ...])
print(x[None, [0, 2]].shape)
print(x[[0, 2], None].shape)
z = torch.arange(24.0).reshape(2, 3, 4)
print(z[None, [0, 1], None, :, [1, 2]].shape)
print(z[[0, 1], None, [1, 2]].shape)
print(z[[1, 0], ..., [0, 3]])
y = x[None, ..., [3, 0]]
print(y.shape, y.grad_fn, y.grad_fn.next_functions)
y.sum().backward()
print(x.grad)
print(x[[None]].shape, x[[...]].grad_fn)
