# masked_select (a 1-D copy of the masked elements) and take (elements at flat positions)
import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
m = torch.tensor([[True, False, True, False]] * 3)
s = x.masked_select(m)
print(s, s.grad_fn, s.grad_fn._saved_mask)
t = torch.take(x, torch.tensor([[0, 11], [5, 5]]))
print(t, t.grad_fn, t.grad_fn._saved_index)
(s.sum() + (t * t).sum()).backward()
print(x.grad)
print(x.masked_select(m[0]), x[0].masked_select(m).shape, torch.masked_select(x, torch.ones(3, 1, dtype=torch.bool)).shape)
print(x.take(torch.tensor(5)), x.take(torch.tensor([-12])), torch.tensor(3.0).take(torch.tensor([0, 0])))
for f in [lambda: x.masked_select(m.float()), lambda: x.masked_select(torch.ones(2, 1, dtype=torch.bool)),
          lambda: x.take(torch.tensor([12])), lambda: x.take(torch.tensor([-13])),
          lambda: x.take(torch.tensor([0, 1], dtype=torch.int32)), lambda: x.take([0])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
