class Plain:
    pass


class WithRepr:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"WithRepr({self.v!r})"


class WithStr(WithRepr):
    def __str__(self):
        return f"<{self.v}>"


def function(a, b=2):
    return a


p = Plain()
print(repr(p).startswith("<__main__.Plain object at 0x"), Plain, type(p), type(Plain), Plain.__name__, Plain.__qualname__, Plain.__module__)
print(WithRepr("x"), [WithRepr(1), WithRepr("s")], {"k": WithRepr(None)}, (WithStr(2),), str(WithStr(2)), f"{WithStr(3)} {WithStr(3)!r}")
print(function, function.__name__, function.__defaults__, function.__qualname__)
print(WithRepr.__repr__, WithStr("v").__str__().upper(), type(len), len, print)


class Outer:
    class Inner:
        def method(self):
            pass

    def make(self):
        class Local:
            pass
        return Local


print(Outer.Inner, Outer.Inner.method, Outer().make(), Outer.Inner.method.__qualname__)
print(int, float, str, list, dict, tuple, set, bool, type(None), object, type, Exception, ValueError("x"), KeyError("k"))
print(repr(ValueError()), repr(KeyError("a", 1)), str(KeyError("a")), str(KeyError()), repr(StopIteration(3)))
print(NotImplemented, Ellipsis, ..., None, True, range(1, 5), range(0, 10, 2), slice(1, 2), slice(None, 5, -1))
print(isinstance(Plain, type), callable(Plain), callable(p), id(p) == id(p), hash(p) == hash(p), p == p, p != Plain())
