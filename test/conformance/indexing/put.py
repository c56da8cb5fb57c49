# put_ / put: write (or add, with accumulate=True) at flat positions
import torch
x = torch.arange(6.0).reshape(2, 3)
x.put_(torch.tensor([1, 3]), torch.tensor([9.0, 8.0]))
print(x)
x.put_(torch.tensor([0, 0, -1]), torch.tensor([1.0, 1.0, 1.0]), accumulate=True)
print(x)
w = torch.ones(2, 3, requires_grad=True)
src = torch.tensor([2.0, 3.0], requires_grad=True)
p = w.put(torch.tensor([5, 5]), src, accumulate=True)
print(p, p.grad_fn, p.grad_fn.next_functions)
(p * p).sum().backward()
print(w.grad, src.grad)
