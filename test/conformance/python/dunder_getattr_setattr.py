class Config:
    def __init__(self, **values):
        object.__setattr__(self, "_values", dict(values))

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"config has no field {name!r}") from None

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set private {name}")
        print("set", name, value)
        self._values[name] = value

    def __delattr__(self, name):
        print("del", name)
        del self._values[name]

    def __dir__(self):
        return sorted(self._values)


cfg = Config(lr=0.1, epochs=3)
print(cfg.lr, cfg.epochs, getattr(cfg, "missing", "default"), hasattr(cfg, "lr"), hasattr(cfg, "nope"))
cfg.lr = 0.01
del cfg.epochs
print(cfg._values, dir(cfg))
try:
    cfg.epochs
except AttributeError as e:
    print(e)
try:
    cfg._secret = 1
except AttributeError as e:
    print(e)


class Tracked:
    def __init__(self):
        self.log = []

    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)

    def method(self):
        return "m"


t = Tracked()
t.method()
t.x = 5
t.x
print(t.log)


class Wrapper:
    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):
        print("delegating", name)
        return getattr(self._inner, name)


w = Wrapper([3, 1, 2])
w.append(0)
w.sort()
print(w._inner, w.count(1), len(w._inner))
try:
    len(w)
except TypeError as e:
    print(e)
setattr(w, "extra", 1)
print(vars(w), getattr(w, "extra"))
delattr(w, "extra")
print(hasattr(w, "extra") if False else "extra" in vars(w))
