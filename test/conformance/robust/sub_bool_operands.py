# Subtraction refuses bool operands as ATen does (a mask minus a float, 1 - mask, x - True, sub_):
# PyTorch says to invert a mask with ~ instead
import torch
m = torch.ones(2) > 0
x = torch.ones(2)
for f in [lambda: x - m, lambda: m - x, lambda: x - True, lambda: True - x, lambda: m - 1, lambda: 1 - m, lambda: x.clone().sub_(m), lambda: m - m, lambda: torch.sub(x, m), lambda: x - torch.tensor(True)]:
    try:
        print(f())
    except RuntimeError as e:
        print("RuntimeError:", e)
