# __repr__ and __str__: print, str(), repr(), f-strings with !r and !s, containers use repr.
class Frac:
    def __init__(self, n, d):
        self.n, self.d = n, d

    def __repr__(self):
        return f"Frac({self.n}, {self.d})"

    def __str__(self):
        return f"{self.n}/{self.d}"


class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"


class OnlyStr:
    def __str__(self):
        return "only str"


f = Frac(1, 2)
print(f, str(f), repr(f), [f], (f, f), {"k": f})
print(f"{f} {f!r} {f!s} {[f]}")
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print(OnlyStr(), str(OnlyStr()))
print(repr(OnlyStr()).startswith("<__main__.OnlyStr object at 0x"))
print("%s and %r" % (f, f))
print("{} {!r}".format(f, f))


class Bad:
    def __repr__(self):
        return 42


try:
    repr(Bad())
except TypeError as e:
    print(e)
try:
    str(Bad())
except TypeError as e:
    print(e)
