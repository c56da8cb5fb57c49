# indices of the wrong kind: float tensors, floats, strings, masks of the wrong shape, unbroadcastable lists
import torch
x = torch.arange(12.0).reshape(3, 4)
for f in [lambda: x[torch.tensor([1.0])], lambda: x[1.5], lambda: x["a"], lambda: x[[1, "a"]],
          lambda: x[torch.tensor([True, False])], lambda: x[torch.ones(3, 3, dtype=torch.bool)],
          lambda: x[torch.ones(3, 4, 1, dtype=torch.bool)], lambda: x[[0, 1], [0, 1, 2]],
          lambda: x[::0], lambda: x[::-1], lambda: x[1.5:], lambda: x[torch.tensor(0.5)]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(x[torch.tensor([1], dtype=torch.int32)])
x[{"a": 1}]
