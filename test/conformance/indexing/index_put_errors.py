# index_put_ argument and index errors; a write stopped by an out-of-range index leaves what came before
import torch
x = torch.zeros(5)
i = torch.tensor([0, 1])
for f in [lambda: x.index_put_(i, torch.tensor([1.0, 2.0])), lambda: x.index_put_((i,), 1.0),
          lambda: x.index_put_((i, None), torch.tensor(1.0)), lambda: x.index_put_(([0, 1],), torch.tensor(1.0)),
          lambda: x.index_put_((i,), torch.tensor(1.0), 1), lambda: x.index_put_((i,)),
          lambda: x.index_put_((torch.tensor([1.0]),), torch.tensor(1.0)),
          lambda: x.index_put_((i, i), torch.tensor(1.0)),
          lambda: x.index_put_((torch.tensor([4, 2, 9, 0]),), torch.tensor(8.0))]:
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(x, x._version)
y = torch.zeros(2, 3)
try:
    y[:, [0, 5]] = 1.0
except IndexError as e:
    print(e)
print(y, y._version)
