# Generators as methods (the `def parameters(self): yield ...` style), __iter__ written as a generator.
class Module:
    def __init__(self, name, children=(), params=()):
        self.name = name
        self.children = list(children)
        self.params = list(params)

    def parameters(self):
        yield from self.params
        for c in self.children:
            yield from c.parameters()

    def named(self, prefix=""):
        for p in self.params:
            yield prefix + self.name + "." + p
        for c in self.children:
            yield from c.named(prefix + self.name + ".")

    def __iter__(self):
        yield self
        for c in self.children:
            yield from c


net = Module("net", [Module("l1", params=["w", "b"]), Module("l2", [Module("act")], ["w"])], ["scale"])
print(list(net.parameters()))
print(list(net.named()))
print([m.name for m in net], len(list(net)))
print(sum(1 for _ in net.parameters()))
