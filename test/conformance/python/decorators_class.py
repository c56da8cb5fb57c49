# Class decorators and decorators on methods (timing-free "trace" wrapper keeping self).
import functools


def trace(fn):
    @functools.wraps(fn)
    def wrapper(self, *args):
        print(f"-> {type(self).__name__}.{fn.__name__}{args}")
        return fn(self, *args)
    return wrapper


def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls


@add_repr
class Layer:
    def __init__(self, n_in, n_out):
        self.n_in = n_in
        self.n_out = n_out

    @trace
    def params(self):
        return self.n_in * self.n_out + self.n_out

    @trace
    def scale(self, k):
        return Layer(self.n_in * k, self.n_out)


layer = Layer(3, 4)
print(layer)
print(layer.params(), layer.scale(2))
print(Layer.params.__name__, Layer.params.__qualname__)


def singleton(cls):
    instances = {}

    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get


@singleton
class Config:
    def __init__(self, lr):
        self.lr = lr


a = Config(0.1)
b = Config(0.5)
print(a is b, b.lr, type(Config).__name__)
