# index_fill / index_fill_: whole slices set to a number (IndexFillBackward0) or to a 0-d tensor (IndexFillBackward1)
import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
i = torch.tensor([0, 2])
print(x.index_fill(1, i, -1.0))
v = torch.tensor(5.0, requires_grad=True)
f = (x * 2).index_fill(1, torch.tensor([0, 0, 3]), v * 3)
print(f, f.grad_fn, f.grad_fn.next_functions)
(f * f).sum().backward()
print(x.grad, v.grad)
y = x * 1
y.index_fill_(0, torch.tensor(1), 9)
print(y, y.grad_fn, y.grad_fn._saved_dim, y.grad_fn._saved_index)
print(torch.arange(4).index_fill(0, i, 2.7))
for g in [lambda: x.index_fill(1, torch.tensor([0.0, 1.0]), 1.0), lambda: x.index_fill(1, torch.tensor([0, 1], dtype=torch.int32), 1.0),
          lambda: x.index_fill(1, torch.tensor([[0, 1]]), 1.0), lambda: x.index_fill(1, i, torch.tensor([1.0])),
          lambda: x.index_fill(1, torch.tensor([7]), 1.0), lambda: x.index_fill(5, i, 2)]:
    try:
        print(g())
    except Exception as e:
        print(type(e).__name__ + ":", e)
# a negative index fills fine, but the value's gradient index_selects it without wrapping
neg = x.index_fill(1, torch.tensor([-1]), v)
print(neg)
neg.sum().backward()
