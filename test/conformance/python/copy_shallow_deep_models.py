import copy


class Param:
    def __init__(self, value):
        self.value = value
        self.grad = None

    def __repr__(self):
        return f"Param({self.value}, grad={self.grad})"


class Model:
    def __init__(self):
        self.params = [Param(0.5), Param(-1.0)]
        self.config = {"lr": 0.1, "betas": [0.9, 0.99]}
        self.best = None

    def snapshot(self):
        return copy.deepcopy(self.params)


m = Model()
best = m.snapshot()
m.params[0].value = 99.0
print(best, m.params)
clone = copy.deepcopy(m)
shallow = copy.copy(m)
m.config["betas"].append(0.999)
m.params.append(Param(3.0))
print(clone.config, shallow.config, len(clone.params), len(shallow.params), shallow.params is m.params)
m.best = m
loop = copy.deepcopy(m)
print(loop.best is loop, loop.params[0] is not m.params[0])
memo = {}
a = copy.deepcopy([m.params[0], m.params[0]], memo)
print(a[0] is a[1], id(m.params[0]) in memo)
print(copy.copy(5), copy.deepcopy("s"), copy.copy([1, [2]]), copy.deepcopy((1, [2])), copy.deepcopy({"a": {"b": [1]}}))
