# The right operand's reflected method runs first when its class is a subclass of the left's.
class Base:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return f"Base.__add__({self.v}, {other.v})"

    def __radd__(self, other):
        return f"Base.__radd__({self.v}, {other.v})"

    def __lt__(self, other):
        return f"Base.__lt__"

    def __gt__(self, other):
        return f"Base.__gt__"


class Derived(Base):
    def __radd__(self, other):
        return f"Derived.__radd__({self.v}, {other.v})"

    def __gt__(self, other):
        return "Derived.__gt__"


class Same(Base):
    pass


b, d, s = Base(1), Derived(2), Same(3)
print(b + d)
print(d + b)
print(b + s)
print(b < d)
print(d < b)
print(b < s)
