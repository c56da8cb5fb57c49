import copy


class Layer:
    def __init__(self, sizes, name):
        self.sizes = sizes
        self.name = name
        self.meta = {"tags": ["a"]}


l = Layer([1, 2], "fc")
s = copy.copy(l)
d = copy.deepcopy(l)
print(type(s).__name__, s is l, s.sizes is l.sizes, d.sizes is l.sizes, d.meta == l.meta, d.meta["tags"] is l.meta["tags"])
l.sizes.append(3)
print(s.sizes, d.sizes)

nested = [[1, 2], [3, 4]]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested[0].append(99)
print(shallow, deep, shallow is nested, shallow[0] is nested[0])

shared = [0]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp[0] is cp[1], cp[0] is shared)

cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2 is cyc, c2)

t = (1, 2, "x")
print(copy.deepcopy(t) is t, copy.copy(t) is t)
t2 = ([1],)
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
print(copy.copy({1: [2]}), copy.deepcopy({1: {2, 3}}), copy.copy({4, 5}))


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))


c = Custom([1])
print(copy.copy(c).v, copy.deepcopy(c).v)


class Bag(list):
    def __init__(self, items, label):
        super().__init__(items)
        self.label = label


b = Bag([[1], [2]], "bag")
b2 = copy.deepcopy(b)
print(type(b2).__name__, b2, b2.label, b2[0] is b[0])


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = [1]
        self.y = 2


sl = copy.deepcopy(Slotted())
print(sl.x, sl.y)


class WithState:
    def __init__(self):
        self.a = 1
        self.cache = "big"

    def __getstate__(self):
        st = dict(self.__dict__)
        del st["cache"]
        return st

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = None


w = copy.deepcopy(WithState())
print(w.a, w.cache)

e = copy.copy(ValueError("bad", 3))
print(repr(e), e.args)
print(copy.deepcopy(len) is len, copy.copy(Layer) is Layer)
f = lambda x: x
print(copy.deepcopy(f) is f)
