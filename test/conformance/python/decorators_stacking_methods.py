import functools

calls = []


def trace(label):
    def deco(fn):
        calls.append(f"decorating {fn.__name__} with {label}")

        @functools.wraps(fn)
        def wrapper(*a, **k):
            calls.append(f"enter {label}")
            try:
                return fn(*a, **k)
            finally:
                calls.append(f"exit {label}")
        return wrapper
    return deco


@trace("outer")
@trace("inner")
def work(x):
    calls.append(f"work {x}")
    return x * 2


print(work(21))
print(calls)


def validate(*types):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            for a, t in zip(args[1:], types):
                if not isinstance(a, t):
                    raise TypeError(f"{fn.__qualname__}: expected {t.__name__}, got {type(a).__name__}")
            return fn(*args)
        return wrapper
    return deco


class Trainer:
    steps = 0

    @validate(int, float)
    def run(self, epochs, lr):
        return f"{epochs} epochs at {lr}"

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def schedule(step):
        return 0.1 * 0.9 ** step

    @classmethod
    @trace("classmethod")
    def make(cls):
        return cls()

    @property
    @functools.cache
    def expensive(self):
        return "computed once"


t = Trainer.make()
print(t.run(3, 0.1), Trainer.schedule(2), Trainer.schedule.cache_info().misses, t.expensive)
try:
    t.run("3", 0.1)
except TypeError as e:
    print(e)
print(Trainer.run.__name__, Trainer.run.__qualname__, Trainer.run.__wrapped__.__qualname__, calls[-2:])


def singleton(cls):
    instances = {}

    @functools.wraps(cls, updated=())
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get


@singleton
class Registry:
    def __init__(self):
        self.items = []


r1, r2 = Registry(), Registry()
r1.items.append(1)
print(r1 is r2, r2.items, Registry.__name__)
