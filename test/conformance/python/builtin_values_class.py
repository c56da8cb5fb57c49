# every value has __class__: ints, floats, strings, lists, None, functions, modules
import math
def f():
    pass
for v in [3, 2.5, True, "s", [1], (1,), {1: 2}, {1}, None, f, math, range(2), len]:
    print(v.__class__, v.__class__.__name__, v.__class__.__module__, type(v) is v.__class__)
print((3).__class__.__qualname__, int.__class__)
