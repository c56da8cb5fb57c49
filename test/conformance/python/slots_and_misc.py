# __slots__ restricts attributes; object(); type() with three arguments; class attributes via the class.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
p.y = 2
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print(e)
o = object()
try:
    o.a = 1
except AttributeError as e:
    print(e)
print(type(o).__name__)
Dyn = type("Dyn", (object,), {"greet": lambda self: "hello", "n": 3})
d = Dyn()
print(d.greet(), Dyn.n, type(d).__name__, Dyn.__name__)


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1
        type(self).last = self


a, b = Counter(), Counter()
print(Counter.count, Counter.last is b, a.count)
Counter.count = 10
print(a.count)
