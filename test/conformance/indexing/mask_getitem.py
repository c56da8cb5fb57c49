# x[x > 0]: a bool mask picks elements in row-major order; the gradient lands back where they came from
import torch
x = torch.tensor([[1.5, -2.0, 0.5], [-0.25, 3.0, -1.0]], requires_grad=True)
pos = x[x > 0]
print(pos)
print(pos.grad_fn, pos.grad_fn.next_functions)
print(pos.grad_fn._saved_indices)
print(pos.grad_fn._saved_self_sym_sizes)
(pos ** 2).sum().backward()
print(x.grad)
row_mask = torch.tensor([True, False])
rows = x[row_mask]
print(rows, rows.shape)
col_mask = torch.tensor([False, True, True])
cols = x[:, col_mask]
print(cols)
rows.sum().backward()
print(x.grad)
