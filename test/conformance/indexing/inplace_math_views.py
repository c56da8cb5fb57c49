# in-place math on a view: the base's grad_fn becomes CopySlices around the op's own backward
import torch
a = torch.tensor([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], requires_grad=True)
b = a * 1
row = b[1]
row.exp_()
print(b)
print(b.grad_fn, b.grad_fn.next_functions, row.grad_fn)
col = b[:, 0]
col.sin_()
print(b.grad_fn, col.grad_fn)
b.sum().backward()
print(a.grad)
