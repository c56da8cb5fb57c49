# calls that do not fit: PyTorch's messages for a one-signature op
import torch
x = torch.zeros(2, 3)
for f in [lambda: torch.matmul(x), lambda: x.matmul(), lambda: x.matmul(x, x), lambda: x.matmul(oter=x), lambda: x.mm(x.t(), mat2=x.t()),
          lambda: x.exp(x), lambda: x.exp(foo=1), lambda: x.clamp(), lambda: x.index_put_((torch.tensor([0]),)), lambda: x.index_put_(), lambda: x.take([0])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
