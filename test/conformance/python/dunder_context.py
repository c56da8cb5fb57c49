# Context managers: __enter__'s value for `as`, __exit__ with the exception, suppression.
class Tag:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print(f"<{self.name}>")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"</{self.name}>", exc_type.__name__ if exc_type else None, repr(exc))
        return self.swallow


with Tag("a") as t:
    print("inside", t.name)
with Tag("outer"), Tag("inner") as i:
    print("nested", i.name)
with Tag("quiet", swallow=True):
    raise ValueError("hidden")
print("after quiet")
try:
    with Tag("loud"):
        1 / 0
except ZeroDivisionError as e:
    print("caught", e)


def f():
    with Tag("in f"):
        return "returned"


print(f())
for k in range(3):
    with Tag(f"loop{k}"):
        if k == 1:
            continue
        if k == 2:
            break
        print("body", k)
