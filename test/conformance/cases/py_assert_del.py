import torch
x = torch.tensor([1.0, 2.0])
assert x.shape == (2,)
assert x.sum().item() == 3.0, "sum should be 3"
y = x * 2
del y
try:
    print(y)
except NameError as e:
    print(e)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
lst = [1, 2, 3]
del lst[0]
print(lst)
