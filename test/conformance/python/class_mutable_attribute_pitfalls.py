class Buggy:
    history = []

    def __init__(self, name, tags=[]):
        self.name = name
        self.tags = tags

    def log(self, x):
        self.history.append((self.name, x))


a, b = Buggy("a"), Buggy("b")
a.log(1)
b.log(2)
a.tags.append("shared!")
print(Buggy.history, b.tags, a.tags is b.tags, a.history is Buggy.history)


class Fixed:
    def __init__(self, name, tags=None):
        self.name = name
        self.tags = [] if tags is None else list(tags)
        self.history = []


c, d = Fixed("c"), Fixed("d", ("x",))
c.tags.append("own")
print(c.tags, d.tags, c.history is d.history, vars(d))
a.history = ["instance now"]
print(a.history, b.history is Buggy.history, "history" in vars(a), "history" in vars(b))
del a.history
print(a.history is Buggy.history)


class Counter:
    total = 0

    def bump(self):
        self.total += 1
        return self.total


x, y = Counter(), Counter()
print(x.bump(), x.bump(), y.bump(), Counter.total, x.total)
Counter.total = 100
print(Counter().bump(), y.total, x.total)
