class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = list(coeffs)

    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coeffs))

    def __len__(self):
        return len(self.coeffs)

    def __bool__(self):
        return any(self.coeffs)

    def __neg__(self):
        return Polynomial(*[-c for c in self.coeffs])

    def __pos__(self):
        return self

    def __abs__(self):
        return Polynomial(*[abs(c) for c in self.coeffs])

    def __invert__(self):
        return Polynomial(*reversed(self.coeffs))

    def __index__(self):
        return len(self.coeffs)

    def __int__(self):
        return int(self(1))

    def __float__(self):
        return float(self(1))

    def __round__(self, n=0):
        return Polynomial(*[round(c, n) for c in self.coeffs])

    def __repr__(self):
        return "Polynomial(" + ", ".join(map(str, self.coeffs)) + ")"


p = Polynomial(1, -2.5, 3)
print(p(2), p(0.5), len(p), bool(p), bool(Polynomial(0, 0)), -p, +p is p, abs(p), ~p)
print(int(p), float(p), round(Polynomial(1.234, 5.678), 1), [10, 20, 30, 40][p], "ab" * Polynomial(1, 1), bin(p), range(10)[p])
print(callable(p), list(map(p, [0, 1, 2])), divmod(7, 2), pow(2, 10, 1000))


class Celsius:
    def __init__(self, d):
        self.d = d

    def __lt__(self, other):
        return self.d < other.d

    def __le__(self, other):
        return self.d <= other.d

    def __repr__(self):
        return f"{self.d}C"


temps = [Celsius(30), Celsius(-5), Celsius(12)]
print(sorted(temps), min(temps), Celsius(1) > Celsius(0), Celsius(1) >= Celsius(2))
try:
    Celsius(1) == Celsius(1), Celsius(1) + Celsius(2)
except TypeError as e:
    print(e)
