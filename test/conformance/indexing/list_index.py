# x[[0, 2]] and x[[1, 1, 0]]: a list becomes an int64 index; a row picked twice gets its gradient twice
import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
a = x[[0, 2]]
print(a)
b = x[[1, 1, 0]]
print(b, b.grad_fn._saved_indices)
(a.sum() + (b * b).sum()).backward()
print(x.grad)
print(x[[-1, -3]])
print(x[[True, False, True]])
print(x[[1.0, 2.0]])
print(x[(0, [1])])
print(x[[[0, 1]]])
