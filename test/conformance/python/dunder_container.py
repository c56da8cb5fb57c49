# Container protocol: __len__, __getitem__ (ints and slices), __setitem__, __delitem__,
# __contains__, __iter__, __bool__, __reversed__, the old __getitem__ iteration.
class Deck:
    def __init__(self):
        self.cards = [f"{r}{s}" for s in "SH" for r in "A23"]

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]

    def __setitem__(self, i, v):
        self.cards[i] = v

    def __delitem__(self, i):
        del self.cards[i]

    def __contains__(self, c):
        print("contains?", c)
        return c in self.cards


d = Deck()
print(len(d), d[0], d[-1], d[1:3], bool(d))
d[0] = "KS"
del d[1]
print(d.cards)
print("KS" in d, "ZZ" not in d)
print(list(d), [c for c in d if c.endswith("H")])
print(sorted(d)[:2], "2H" in list(reversed(d)))


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


print(list(Countdown(3)), sum(Countdown(4)), 2 in Countdown(3))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))


class Empty:
    def __len__(self):
        return 0


class Truthy:
    def __bool__(self):
        return False


print(bool(Empty()), bool(Truthy()), not Empty(), "yes" if Truthy() else "no")


class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Squares()), 9 in Squares(), [x for x in Squares()])
a, b, *rest = Squares()
print(a, b, rest)
