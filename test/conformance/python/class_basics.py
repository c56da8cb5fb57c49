# Classes: __init__, instance and class attributes, methods, reprs of classes, functions, instances.
class Point:
    """A point in the plane."""
    dims = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
q = p.moved(1)
print(p.x, p.y, q.x, q.y, p.norm2(), Point.dims, p.dims)
p.dims = 3
print(p.dims, Point.dims, q.dims)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(type(p) is Point, type(p).__name__, p.__class__ is Point)
print(isinstance(p, Point), isinstance(3, Point), isinstance(p, object))
print(repr(Point)[:20], str(type(p)))
print(p.__dict__, vars(q))
print(Point.norm2(p), Point.moved(p, 2).x)
print(type(Point.norm2).__name__, type(p.norm2).__name__)
print(callable(p), callable(Point), callable(p.norm2))
r = repr(p)
print(r.startswith("<__main__.Point object at 0x"), r.endswith(">"))
print(p.norm2.__self__ is p, p.norm2.__func__ is Point.norm2)
print(p.norm2 == p.norm2, p.norm2 is p.norm2)
