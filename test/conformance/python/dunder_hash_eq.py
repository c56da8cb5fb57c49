# __hash__ and __eq__: objects as dict keys and set members; eq without hash is unhashable.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return f"Key({self.a}, {self.b})"


d = {Key(1, 2): "x", Key(3, 4): "y"}
print(d[Key(1, 2)], Key(3, 4) in d, Key(5, 6) in d)
d[Key(1, 2)] = "z"
print(len(d), d)
s = {Key(1, 2), Key(1, 2), Key(2, 1)}
print(len(s), Key(2, 1) in s)
print(hash(Key(1, 2)) == hash((1, 2)))


class NoHash:
    def __eq__(self, other):
        return True


print(NoHash.__hash__)
try:
    {NoHash(): 1}
except TypeError as e:
    print(e)


class Default:
    pass


x = Default()
print(hash(x) == hash(x), {x: 1}[x], x in {x}, Default() in {x})
print(hash(None), hash(True), hash(2.5), hash((1, "a")) == hash((1, "a")), hash(-1))
