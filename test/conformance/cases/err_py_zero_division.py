import torch
print(torch.tensor(1.0) / 0, torch.tensor([1, 2]) / 0)
try:
    print(5 // 0)
except ZeroDivisionError as e:
    print(e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print(e)
print(1.0 / 0)
