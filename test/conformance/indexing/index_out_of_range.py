# out-of-range indices: PyTorch's messages, naming the dim as the index tuple counts it
import torch
x = torch.arange(12.0).reshape(3, 4)
for f in [lambda: x[3], lambda: x[-4], lambda: x[:, 4], lambda: x[:, -5], lambda: x[None, 5], lambda: x[..., 7],
          lambda: x[1, None, 9], lambda: x[[5]], lambda: x[[-4]], lambda: x[:, [5]], lambda: x[[0, 1], [0, 9]],
          lambda: x[torch.tensor([0, 3])], lambda: x[0, 0, 0], lambda: x[[0], [0], [0]],
          lambda: torch.zeros(0, 3)[[0]]]:
    try:
        print(f())
    except IndexError as e:
        print("IndexError:", e)
print(x[[-3]])
x[[2, -1]]
