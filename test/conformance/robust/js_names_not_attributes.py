# Names JavaScript objects carry (constructor, valueOf, __proto__, toString...) are not Python
# attributes of any value, builtin type, module or torch object; a tensor takes attributes of
# its own like PyTorch's.
import math
import random
import torch
import torch.nn.functional as F

names = ["constructor", "valueOf", "__proto__", "toString", "hasOwnProperty", "isPrototypeOf",
         "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__lookupGetter__"]


class Plain:
    pass


def gen():
    yield 1


x = torch.ones(2, requires_grad=True)
y = (x * 2).sum()
values = {
    "int": 1, "float": 1.5, "bool": True, "str": "s", "None": None, "list": [1], "tuple": (1,),
    "dict": {"a": 1}, "set": {1}, "range": range(3), "slice": slice(1), "function": gen, "lambda": lambda: 1,
    "builtin": len, "generator": gen(), "class": Plain, "instance": Plain(), "exception": ValueError("e"),
    "type": int, "math": math, "random": random, "torch": torch, "F": F, "tensor": x, "Tensor": torch.Tensor,
    "grad_fn": y.grad_fn, "dtype": torch.float32, "Size": x.shape, "device": x.device,
    "return_types": x.max(0), "no_grad": torch.no_grad(), "Generator": torch.Generator(),
}
for label, v in values.items():
    found = [name for name in names if hasattr(v, name) or hasattr(type(v), name)]
    print(label, found)
print(getattr(x, "toString", "missing"), getattr(torch, "valueOf", "missing"), getattr((1, 2), "constructor", "missing"))

x.label = "weights"
x.sum_of = 3
x.toString = "a Python attribute now"
print(x.label, x.sum_of, x.toString, hasattr(x.view(2), "label"))
x.sum = 7
print(x.sum)
for name in ["shape", "is_leaf", "grad_fn", "T", "ndim", "dtype", "_version", "retains_grad", "name", "is_cuda"]:
    try:
        setattr(x, name, 1)
    except AttributeError as e:
        print(e)
(1, 2).constructor
