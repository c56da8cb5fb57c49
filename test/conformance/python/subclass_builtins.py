# Subclasses of list, dict, tuple and set keep the builtin behaviour and add their own.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), s.pop(), s, type(s).__name__, isinstance(s, list))
print(s + [9], type(s + [9]).__name__, s[1:], sorted(Stack([3, 1, 2])))


class DefaultDict(dict):
    def __init__(self, factory, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factory = factory

    def __missing__(self, key):
        value = self[key] = self.factory()
        return value


counts = DefaultDict(int)
for w in "a b a c b a".split():
    counts[w] += 1
print(counts, counts["zz"], len(counts), isinstance(counts, dict), counts.get("q"))


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]

    def swap(self):
        return Pair(self[1], self[0])


p = Pair(1, 2)
print(p, p.first, p.swap(), len(p), p == (1, 2), hash(p) == hash((1, 2)), type(p).__name__)


class Tags(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)


t = Tags()
t.add_all(3, 1, 2, 3)
print(sorted(t), len(t), 2 in t, type(t).__name__)


class LoudList(list):
    def __getitem__(self, i):
        print("get", i)
        return super().__getitem__(i)

    def __len__(self):
        return super().__len__() * 10


ll = LoudList("xyz")
print(ll[1], len(ll), ll)
