import torch
x = torch.tensor([1.0, 2.0])
try:
    x.gradient
except AttributeError as e:
    print(e)
lst = [1, 2]
lst.push(3)
