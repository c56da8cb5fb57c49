class Dataset:
    def __init__(self, xs, ys):
        self.xs = xs
        self.ys = ys

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Dataset(self.xs[i], self.ys[i])
        if i >= len(self):
            raise IndexError("dataset index out of range")
        return self.xs[i], self.ys[i]

    def __contains__(self, x):
        return x in self.xs

    def __repr__(self):
        return f"Dataset(n={len(self)})"

    def __bool__(self):
        return len(self) > 0


ds = Dataset([1, 2, 3, 4], ["a", "b", "c", "d"])
print(len(ds), ds[0], ds[-1], ds[1:3], ds[::2].xs, 3 in ds, 9 in ds, bool(ds), bool(ds[4:]))
for x, y in ds:
    print(x, y, end="; ")
print()
print(list(ds), [x for x, _ in ds], dict(ds[:2]), list(reversed(ds)) if False else sorted(ds, reverse=True))
try:
    ds[10]
except IndexError as e:
    print(e)


class Batches:
    def __init__(self, data, size):
        self.data = data
        self.size = size

    def __iter__(self):
        for i in range(0, len(self.data), self.size):
            yield self.data[i:i + self.size]


print(list(Batches(list(range(7)), 3)), sum(len(b) for b in Batches("abcdefgh", 3)))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(3)
print(list(c), list(c), next(iter(Countdown(5))), max(Countdown(4)), 2 in Countdown(3))


class Grid:
    def __init__(self):
        self.cells = {}

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __getitem__(self, key):
        r, c = key
        return self.cells.get((r, c), 0)

    def __delitem__(self, key):
        del self.cells[key]


g = Grid()
g[0, 1] = 5
g[(2, 2)] = 7
print(g[0, 1], g[1, 1], g.cells)
del g[0, 1]
print(g.cells)
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError", e)
