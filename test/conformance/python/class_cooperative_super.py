class Module:
    def __init__(self, name="module", **kwargs):
        print("Module.__init__", name, kwargs)
        self.name = name
        super().__init__(**kwargs)

    def describe(self):
        return ["Module"]


class Trainable(Module):
    def __init__(self, lr=0.1, **kwargs):
        print("Trainable.__init__", lr)
        self.lr = lr
        super().__init__(**kwargs)

    def describe(self):
        return ["Trainable"] + super().describe()


class Loggable(Module):
    def __init__(self, verbose=False, **kwargs):
        print("Loggable.__init__", verbose)
        self.verbose = verbose
        super().__init__(**kwargs)

    def describe(self):
        return ["Loggable"] + super().describe()


class Layer(Trainable, Loggable):
    def __init__(self, size, **kwargs):
        self.size = size
        super().__init__(**kwargs)

    def describe(self):
        return ["Layer"] + super().describe()


layer = Layer(4, lr=0.01, verbose=True, name="fc")
print([c.__name__ for c in Layer.__mro__])
print(layer.describe(), layer.lr, layer.verbose, layer.name, layer.size)
print(super(Trainable, layer).describe(), isinstance(layer, Loggable), issubclass(Layer, Module))


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who(), D.mro() == list(D.__mro__))
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(e)
