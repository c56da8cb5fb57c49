class Layer:
    registry = {}

    def __init_subclass__(cls, kind=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind or cls.__name__.lower()
        Layer.registry[cls.kind] = cls

    def __repr__(self):
        return f"{type(self).__name__}(kind={self.kind})"


class Dense(Layer):
    pass


class Conv(Layer, kind="conv2d"):
    pass


class DeepConv(Conv):
    pass


print(sorted(Layer.registry), Layer.registry["conv2d"], Dense(), DeepConv(), DeepConv.kind)


def build(kind):
    try:
        return Layer.registry[kind]()
    except KeyError:
        raise ValueError(f"unknown layer {kind!r}; known: {', '.join(sorted(Layer.registry))}") from None


print(build("dense"))
try:
    build("pool")
except ValueError as e:
    print(e)


class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area()")

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


class Blob(Shape):
    pass


print(Square(1.5).describe())
try:
    Blob().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


s = Slotted(1)
try:
    s.z = 3
except AttributeError as e:
    print(e)
try:
    s.y
except AttributeError as e:
    print(e)
print(Slotted.__slots__, hasattr(s, "__dict__"))
