# torch.typename (one function, used by torch.nn's and torch.optim's messages) on tensors, parameters,
# builtins, classes, instances, modules and functions; its positional-only argument
import torch
import torch.nn as nn
class Foo:
    pass
class Bar(nn.Module):
    pass
for o in [torch.ones(2), torch.ones(2, dtype=torch.float64), torch.ones(2, dtype=torch.long), nn.Parameter(torch.ones(1)), 3, "s", None, [1], Foo(), Foo, Bar(), nn.Linear(1, 1), nn.Linear, len, torch.optim.SGD, int, torch.typename]:
    print(torch.typename(o))
print(torch.typename.__module__, torch.typename.__name__, torch.typename.__qualname__)
try:
    torch.typename()
except TypeError as e:
    print(e)
try:
    torch.typename(obj=1)
except TypeError as e:
    print(e)
m = nn.Module()
for bad in [lambda: m.register_parameter(1, None), lambda: m.register_buffer("b", 3), lambda: m.add_module("x", 3), lambda: setattr(m, "p", None) or m.register_parameter("w", torch.ones(1))]:
    try:
        bad()
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
try:
    torch.optim.SGD(torch.ones(2), lr=0.1)
except TypeError as e:
    print(e)
try:
    torch.optim.SGD([torch.ones(2, requires_grad=True), 3], lr=0.1)
except TypeError as e:
    print(e)


def last_only(obj, /):
    return obj


try:
    last_only(obj=1)
except TypeError as e:
    print(e)
