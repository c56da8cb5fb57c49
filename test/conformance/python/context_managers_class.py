class Timer:
    def __init__(self, name):
        self.name = name
        self.entered = False

    def __enter__(self):
        print("enter", self.name)
        self.entered = True
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False


class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return "suppressing"

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressed", repr(exc))
            return True
        return None


with Timer("outer") as t, Timer("inner") as u:
    print("body", t.name, u.entered)

with Suppress(KeyError, ZeroDivisionError) as s:
    print(s)
    1 / 0
    print("not reached")
print("after suppress")

try:
    with Timer("failing"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

try:
    with Suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)


def find(items, target):
    with Timer("search"):
        for i, x in enumerate(items):
            if x == target:
                return i
    return -1


print(find([5, 6, 7], 6))


class Ledger:
    def __init__(self):
        self.depth = 0

    def __enter__(self):
        self.depth += 1
        return self.depth

    def __exit__(self, *exc):
        self.depth -= 1


ledger = Ledger()
with ledger as d1:
    with ledger as d2:
        print(d1, d2, ledger.depth)
print(ledger.depth)
try:
    with 42:
        pass
except TypeError as e:
    print(e)


class OnlyEnter:
    def __enter__(self):
        return self


try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)
