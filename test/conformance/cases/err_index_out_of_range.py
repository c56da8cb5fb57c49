import torch
x = torch.tensor([1.0, 2.0, 3.0])
m = torch.zeros(2, 3)
try:
    m[0, 3]
except IndexError as e:
    print("IndexError:", e)
print(x[-3])
x[3]
