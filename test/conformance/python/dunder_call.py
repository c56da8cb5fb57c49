# __call__ makes instances callable; callable(); functions stored on instances don't bind.
class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self, step=1):
        self.n += step
        return self.n


c = Counter()
print(c(), c(), c(5), callable(c), callable(Counter), callable(42))


class Poly:
    def __init__(self, *coeffs):
        self.coeffs = coeffs

    def __call__(self, x):
        return sum(a * x ** i for i, a in enumerate(self.coeffs))


p = Poly(1, 0, 2)
print([p(x) for x in range(4)], list(map(p, [0.5, 1.5])))


class Holder:
    pass


h = Holder()
h.f = lambda x: x * 10
print(h.f(4))
try:
    Holder()()
except TypeError as e:
    print(e)
