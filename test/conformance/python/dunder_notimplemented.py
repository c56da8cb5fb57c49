class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return f"Vec({', '.join(map(repr, self.xs))})"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
        if isinstance(other, (int, float)):
            return Vec(*[a + other for a in self.xs])
        return NotImplemented

    __radd__ = __add__

    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Vec(*[a * k for a in self.xs])

    def __rmul__(self, k):
        print("rmul", k)
        return self * k

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.xs, other.xs))

    def __neg__(self):
        return Vec(*[-a for a in self.xs])

    def __eq__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return self.xs == other.xs

    def __lt__(self, other):
        return NotImplemented


v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v + 1, 1 + v, 2 * v, v * 2.5, v @ w, -v, sum([v, w]), sum([v, w], Vec(0, 0)))
print(v == Vec(1, 2), v != w, v == "x", v != 3)
for expr in [lambda: v * "s", lambda: "s" * v if False else v * [1], lambda: v < w, lambda: v - w, lambda: v @ 3]:
    try:
        print(expr())
    except TypeError as e:
        print("TypeError:", e)


class Meters:
    def __init__(self, m):
        self.m = m

    def __add__(self, other):
        print("Meters.__add__")
        return NotImplemented

    def __radd__(self, other):
        print("Meters.__radd__", type(other).__name__)
        return NotImplemented


class Feet:
    def __add__(self, other):
        print("Feet.__add__")
        return NotImplemented

    def __radd__(self, other):
        print("Feet.__radd__")
        return "feet+meters"


print(Meters(1) + Feet())
try:
    Meters(1) + 5
except TypeError as e:
    print(e)


class Base:
    def __add__(self, other):
        return "Base.__add__"

    def __radd__(self, other):
        return "Base.__radd__"


class Derived(Base):
    def __radd__(self, other):
        return "Derived.__radd__"


print(Base() + Derived(), Derived() + Base(), 1 + Derived())


class Acc:
    def __init__(self):
        self.total = 0

    def __iadd__(self, x):
        self.total += x
        return self


a = Acc()
b = a
a += 5
a += 2
print(a is b, a.total)


class NoIadd:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return NoIadd(self.v + o)


n = NoIadd(1)
m = n
n += 1
print(n is m, n.v, m.v)
