# x[rows, cols] pairs the lists element by element; lists of different shapes broadcast together
import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
print(x[[0, 1, 2], [3, 2, 1]])
print(x[[[0], [2]], [1, 3]])
y = x[torch.tensor([[0, 0], [2, 2]]), torch.tensor([[0, 3], [0, 3]])]
print(y)
print(y.grad_fn._saved_indices)
(y * y).sum().backward()
print(x.grad)
print(x[[1], [0, 1, 2]])
