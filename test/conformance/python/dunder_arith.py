# Arithmetic dunders with reflected and in-place forms, NotImplemented dispatch.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return f"Vec({', '.join(repr(x) for x in self.xs)})"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
        if isinstance(other, (int, float)):
            return Vec(*[a + other for a in self.xs])
        return NotImplemented

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Vec(*[a * k for a in self.xs])

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Vec(*[a / k for a in self.xs])

    def __neg__(self):
        return Vec(*[-a for a in self.xs])

    def __pos__(self):
        return self

    def __abs__(self):
        return sum(a * a for a in self.xs) ** 0.5

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.xs, other.xs))

    def __iadd__(self, other):
        print("iadd")
        self.xs = [a + b for a, b in zip(self.xs, other.xs)]
        return self

    def __pow__(self, n):
        return Vec(*[a ** n for a in self.xs])

    def __floordiv__(self, k):
        return Vec(*[a // k for a in self.xs])

    def __mod__(self, k):
        return Vec(*[a % k for a in self.xs])


v = Vec(1, 2)
w = Vec(3, 4)
print(v + w, v + 1, 1 + v, v - w, 10 - v)
print(v * 3, 3 * v, v / 2, -v, +v is v, abs(w))
print(v @ w, v ** 2, Vec(7, 8) // 3, Vec(7, 8) % 3)
u = v
u += w
print(u, v, u is v)
u -= w
print(u, u is v)
try:
    v * v
except TypeError as e:
    print(e)
try:
    "a" + v
except TypeError as e:
    print(e)
print(sum([Vec(1, 1), Vec(2, 2)], Vec(0, 0)))
print(sum([v, w]))
