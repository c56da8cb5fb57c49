# index_add / index_add_: whole slices added at the given positions (repeats add up), alpha scales the source
import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
s = torch.ones(3, 2, requires_grad=True)
i = torch.tensor([0, 2])
print(x.index_add(1, i, s))
print(x.index_add(1, i, s, alpha=2))
print(torch.index_add(x, 1, torch.tensor([3, 3]), s, alpha=0.5))
y = x * 1
y.index_add_(1, i, s * s)
print(y, y.grad_fn, y.grad_fn.next_functions)
print(y.grad_fn._saved_dim, y.grad_fn._saved_index, y.grad_fn._saved_alpha, y.grad_fn._saved_source_dim)
(y * y).sum().backward()
print(x.grad)
print(s.grad)
c = torch.zeros(3, 2)
c.index_add_(0, torch.tensor([0, 0, 0, 2]), torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]))
print(c)
for f in [lambda: x.index_add(1, torch.tensor([[0, 2]]), s), lambda: x.index_add(1, torch.tensor([0.0, 1.0]), s),
          lambda: x.index_add(1, i, torch.ones(3, 2, dtype=torch.float64)), lambda: x.index_add(1, i, torch.ones(2, 2)),
          lambda: x.index_add(1, i, torch.ones(3, 3)), lambda: x.index_add(1, torch.tensor([0, 9]), s),
          lambda: x.index_add(1, torch.tensor([-1, 0]), s), lambda: x.index_add(2, i, s)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
