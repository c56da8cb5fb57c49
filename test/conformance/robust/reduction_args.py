# argmax(keepdim=True) without dim keeps every dim at size 1; softmax, log_softmax and cumsum
# of a 0-d tensor check dim like any other op.
import torch

x = torch.tensor([[1.0, 5.0], [3.0, 4.0]])
print(x.argmax(keepdim=True), x.argmin(keepdim=True), torch.argmax(x, keepdim=True), x.argmax())
print(torch.tensor(2.0).argmax(keepdim=True))
s = torch.tensor(2.0)
print(s.softmax(dim=0), s.softmax(dim=-1), s.log_softmax(0), s.cumsum(0))
for f in [lambda: s.softmax(dim=1), lambda: s.log_softmax(dim=-2), lambda: torch.softmax(s, 2), lambda: s.cumsum(1)]:
    try:
        print(f())
    except IndexError as e:
        print("IndexError:", e)
try:
    torch.zeros(0).argmax()
except (IndexError, RuntimeError) as e:
    print(type(e).__name__, e)
s.softmax(dim=1)
