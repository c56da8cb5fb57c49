# masked_scatter: the source's elements, in order, fill the places where the mask is True
import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
m = torch.tensor([[True, False, True, False]] * 3)
src = torch.arange(100.0, 112.0).requires_grad_()
r = x.masked_scatter(m, src)
print(r, r.grad_fn, r.grad_fn.next_functions)
print(r.grad_fn._saved_mask, r.grad_fn._saved_source_sym_sizes)
(r * torch.arange(12.0).reshape(3, 4)).sum().backward()
print(x.grad)
print(src.grad)
print(x.masked_scatter(m[0], src))
print(torch.ones(4).masked_scatter(m, src))
y = x * 1
y.masked_scatter_(m[:, :1], torch.arange(12.0) * -1)
print(y, y.grad_fn)
for f in [lambda: x.masked_scatter(m, torch.arange(3.0)), lambda: x.masked_scatter(m.float(), src),
          lambda: x.masked_scatter(m, torch.arange(12)), lambda: torch.zeros(4).masked_scatter_(m, src)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
