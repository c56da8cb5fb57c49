# uneven split pieces share one SplitWithSizesBackward0; a wrongly shaped gradient raises validate_outputs' message
import torch
a = torch.arange(7.).requires_grad_()
p, q, r = a.split([2, 4, 1])
print(p.grad_fn is q.grad_fn, p.grad_fn, q.grad_fn.next_functions)
(p.sum() * 2 + (q ** 2).sum()).backward()
print(a.grad)
x, y = a.chunk(2)
print(x.grad_fn is y.grad_fn, x.shape, y.shape)
(y * 3).sum().backward()
print(a.grad)
idx = torch.tensor([[0], [1]])
src = torch.ones(2, 3, requires_grad=True)
z = torch.zeros(2, 3).scatter(1, idx, src)
try:
    z.sum().backward()
except RuntimeError as e:
    print(e)
