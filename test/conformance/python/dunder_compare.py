# Rich comparisons: __eq__ with NotImplemented, default !=, ordering, total sort, identity fallback.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __repr__(self):
        return f"${self.cents / 100:.2f}"


a, b, c = Money(150), Money(150), Money(99)
print(a == b, a != b, a == c, a != c, a is b)
print(a == 150, 150 == a, a != "x")
print(c < a, a > c, a <= b, b >= a)
print(sorted([a, c, Money(1)]), min(a, c), max([c, a]))
print(a in [c, b], a in [c])
try:
    hash(a)
except TypeError as e:
    print(e)


class Plain:
    pass


p, q = Plain(), Plain()
print(p == p, p == q, p != q)
try:
    p < q
except TypeError as e:
    print(e)
try:
    a < 5
except AttributeError as e:
    print("AttributeError:", e)
