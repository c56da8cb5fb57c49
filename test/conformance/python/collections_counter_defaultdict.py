from collections import Counter, defaultdict, OrderedDict
import collections

words = "the cat and the hat and the bat".split()
c = Counter(words)
print(c)
print(c["the"], c["dog"], c.most_common(2), c.total(), len(c))
print(sorted(c.elements()))
c.update(["cat", "cat"])
c.update({"hat": 3})
print(c)
c.subtract(the=3)
print(c, +c, -c)
print(Counter("abracadabra").most_common(3))
a, b = Counter(a=3, b=1), Counter(a=1, b=2)
print(a + b, a - b, a | b, a & b, a == Counter(b=1, a=3), a == {"a": 3, "b": 1})
del a["zzz"]
print(a, Counter(), repr(Counter()))
print(isinstance(c, dict), type(c).__name__, Counter)
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print(e)

groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(groups)
print(dict(groups), groups[7], 7 in groups)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
print(nested["a"], type(nested["a"]).__name__)
d0 = defaultdict()
try:
    d0["missing"]
except KeyError as e:
    print("KeyError", e)
print(d0, d0.default_factory)
try:
    defaultdict(3)
except TypeError as e:
    print(e)
dd = defaultdict(set, {"k": {1}})
print(dd.copy(), collections.defaultdict is defaultdict)
od = OrderedDict(a=1, b=2)
od.move_to_end("a")
print(od, list(od.keys()))
