# memory overlap rules of masked_fill_ and scatter_: the index may not share self's memory, a value or src may
import torch
def show_error(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
x = torch.tensor([1.0, 2.0, 3.0])
show_error(lambda: x.masked_fill_(x > 1, x[0]))
y = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
show_error(lambda: y.scatter_(1, torch.tensor([[1], [0]]), y[:, :1]))
z = torch.tensor([1.0, 2.0, 3.0])
m = z > 1
show_error(lambda: z.masked_fill_(m, 0.0))
idx = torch.tensor([0, 1])
show_error(lambda: idx.scatter_(0, idx, 5))
q = torch.tensor([0, 1, 1, 0])
show_error(lambda: q[:2].scatter_(0, q[2:], 7))
print(q)
