# what x[idx] = v refuses, with PyTorch's messages
import torch
c = torch.zeros(5)
d = torch.zeros(2, 3)
w = torch.zeros(3, requires_grad=True)


def put(t, i, v):
    t[i] = v


for f in [lambda: put(c, torch.tensor([0, 1]), torch.tensor([1.0, 2.0], dtype=torch.float64)),
          lambda: put(c, torch.tensor([0, 1]), torch.tensor([1, 2])),
          lambda: put(c, torch.tensor([0, 1]), torch.tensor([1.0, 2.0, 3.0])),
          lambda: put(c, torch.tensor([0, 7]), 5),
          lambda: put(c, torch.tensor([True, False]), 5),
          lambda: put(c, c == 0, torch.tensor([1.0, 2.0])),
          lambda: put(d, [0], torch.ones(2, 1, 3)),
          lambda: put(d, [0], "a"),
          lambda: put(d, [0], [1, 2, 3]),
          lambda: put(d, [0], None),
          lambda: put(w, [0], 1.0)]:
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(c, d)
