import torch
def f(x, power=2, scale=1.0):
    return scale * x ** power
def describe(t, label="t"):
    print(label, t.shape, t.dtype)
x = torch.tensor([1.0, 2.0], requires_grad=True)
print(f(x))
print(f(x, 3))
print(f(x, scale=0.5))
print(f(x, power=1, scale=-1.0))
describe(x)
describe(x.sum(), label="sum")
def nothing():
    pass
print(nothing())
def two():
    return 1, "two"
a, b = two()
print(a, b, two())
