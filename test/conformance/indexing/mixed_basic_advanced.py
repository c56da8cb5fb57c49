# slices around an advanced index: the sliced dims stay where they are, the index shape replaces its dim
import torch
z = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
a = z[:, [0, 2], 1:]
print(a.shape)
print(a)
print(a.grad_fn, a.grad_fn.next_functions)
print(a.grad_fn._saved_indices)
b = z[1:, [[0], [1]]]
print(b.shape)
c = z[..., [3, 0]]
print(c.shape, c[0])
d = z[0, [1, 2]]
print(d, d.grad_fn.next_functions)
(a.sum() + c.sum() * 2).backward()
print(z.grad)
