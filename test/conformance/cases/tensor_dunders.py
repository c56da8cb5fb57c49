# torch.Tensor's operator dunders and methods read from the class or a tensor: torch.Tensor.sum(x),
# x.__rsub__(3), nn.Parameter.__add__(p, 1), NotImplemented for an operand they do not take,
# and `v in x`, which is (v == x).any() for a tensor or a number
import torch

x = torch.tensor([1.0, 2.0, 3.0])
print(x.__rsub__(3), x.__add__(1), torch.Tensor.__mul__(x, 2), x.__radd__(1.5))
print(x.__matmul__(x), x.__neg__(), x.__abs__(), x.__len__(), x.__getitem__(1), list(x.__iter__()))
print(x.__eq__(2.0), x.__lt__(2), torch.tensor(2.5).__float__(), torch.tensor(3).__index__(), torch.tensor([2.7]).__int__())
print(x.__add__("a"), x.__eq__("a"))
print(torch.Tensor.sum(x), torch.Tensor.add(x, 1, alpha=2))
y = x.clone()
y.__iadd__(1)
print(y)
y.__setitem__(0, 9.0)
print(y, y.__format__(""), torch.tensor(1.5).__format__(".2f"))
print(torch.Tensor.__add__, type(torch.Tensor.__add__).__name__, torch.Tensor.sum)
p = torch.nn.Parameter(torch.ones(2))
print(p.__mul__(3), torch.nn.Parameter.__add__(p, 1))
for bad in [lambda: torch.Tensor.sum(3), lambda: torch.Tensor.__add__(3, x)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(torch.tensor([True, False]).__invert__(), x.__pow__(2), x.__rpow__(2), x.__rtruediv__(1), x.__floordiv__(2), x.__mod__(2))
for name in ["__add__", "__rsub__", "__matmul__", "__getitem__", "__len__", "__iter__", "__contains__", "__setitem__", "__invert__", "__bool__"]:
    print(name, hasattr(torch.Tensor, name), hasattr(x, name))

m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(2 in m, 5.0 in m, torch.tensor([3.0, 4.0]) in m, torch.tensor(1) in m, m.__contains__(4), True in torch.tensor([0, 1]))
for v in ["a", [1.0], None]:
    try:
        print(v in m)
    except RuntimeError as e:
        print(type(e).__name__, e)
