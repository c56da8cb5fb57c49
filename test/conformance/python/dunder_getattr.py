# __getattr__ (only for missing names), __setattr__ and __delattr__ overrides, getattr/setattr/hasattr/delattr.
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", dict(fields))

    def __getattr__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"no field {name!r}") from None

    def __setattr__(self, name, value):
        print(f"set {name}={value!r}")
        self._fields[name] = value

    def __delattr__(self, name):
        print(f"del {name}")
        del self._fields[name]


r = Record(a=1, b=2)
print(r.a, r.b, r._fields)
r.c = 3
print(r.c, getattr(r, "c"), getattr(r, "zz", "default"), hasattr(r, "zz"), hasattr(r, "a"))
setattr(r, "d", 4)
del r.a
print(r._fields)
try:
    r.a
except AttributeError as e:
    print("AttributeError:", e)


class Plain:
    x = 1


p = Plain()
setattr(p, "y", 2)
print(getattr(p, "x"), getattr(p, "y"), p.__dict__)
delattr(p, "y")
print(hasattr(p, "y"), hasattr(p, "x"))
try:
    delattr(p, "x")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(p, 3)
except TypeError as e:
    print(e)
