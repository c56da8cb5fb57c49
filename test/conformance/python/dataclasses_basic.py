from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
import dataclasses


@dataclass
class Point:
    x: float
    y: float = 0.0


p = Point(1.5)
print(p, Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1), p == (1.5, 0.0))
print(repr(Point(y=3, x=4)))
print(Point.__init__.__qualname__, Point.__hash__)
print([f.name for f in fields(Point)], [f.type for f in fields(p)])
print(asdict(p), astuple(p), replace(p, y=9))
print(is_dataclass(Point), is_dataclass(p), is_dataclass(3))


@dataclass
class Batch:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
    count: int = field(default=0, compare=False)


a = Batch("a")
b = Batch("a", count=5)
a.items.append(1)
print(a, b, a == b, Batch("x").items is Batch("x").items)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0


v = Version(1, 2)
print(v, v < Version(1, 3), sorted([Version(2), Version(1, 5), Version(1)]), hash(v) == hash(Version(1, 2)))
try:
    v.major = 3
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Child(Base):
    c: float = 1.0

    def __post_init__(self):
        self.total = self.a * 2


ch = Child(3, c=2.5)
print(ch, ch.total, [f.name for f in fields(Child)])


@dataclass(kw_only=True)
class Opts:
    lr: float = 0.1
    epochs: int = 3


print(Opts(epochs=5))


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))
print(Node.__eq__(tree, 5))

for bad in ["Point()", "Point(1, 2, 3)", "Point(1, z=2)", "Opts(1)"]:
    try:
        eval_result = None
        if bad == "Point()":
            Point()
        elif bad == "Point(1, 2, 3)":
            Point(1, 2, 3)
        elif bad == "Point(1, z=2)":
            Point(1, z=2)
        else:
            Opts(1)
    except TypeError as e:
        print(e)

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)

try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)

print(fields(Point)[0])
