class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x}, {self.y})"


seen = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(seen), Point(1, 2) in seen, {Point(0, 0): "origin"}[Point(0, 0)], hash(Point(1, 2)) == hash((1, 2)))


class NoHash:
    def __eq__(self, other):
        return True


print(NoHash.__hash__, NoHash() == 5)
try:
    {NoHash()}
except TypeError as e:
    print(e)


class Identity:
    pass


a, b = Identity(), Identity()
d = {a: 1, b: 2}
print(len(d), d[a], a == b, a in d, Identity() in d)


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        print("eq called", self.k, other.k)
        return self.k == other.k

    def __hash__(self):
        return 7


table = {}
table[Key("a")] = 1
table[Key("b")] = 2
print(len(table), table[Key("b")])


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if isinstance(other, Money):
            return self.cents == other.cents
        if isinstance(other, int):
            return self.cents == other
        return NotImplemented

    __hash__ = None

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f"Money({self.cents})"


print(Money(5) == 5, 5 == Money(5), Money(5) != Money(6), sorted([Money(3), Money(1)]), max(Money(2), Money(9)), Money(1) in [Money(0), Money(1)])
print([1, Money(2)].index(Money(2)), [Money(1), Money(1)].count(Money(1)), (Money(1), 2) == (Money(1), 2))
