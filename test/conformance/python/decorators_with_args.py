import functools


def repeat(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            result = None
            for i in range(times):
                result = fn(*args, **kwargs)
            return result
        return wrapper
    return decorate


def log_calls(prefix="call"):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            print(f"{prefix}: {fn.__name__}{args} {kwargs}")
            return fn(*args, **kwargs)
        wrapper.calls = 0
        return wrapper
    return decorate


@repeat(3)
def greet(name):
    """Say hello."""
    print("hello", name)
    return len(name)


@log_calls(prefix="trace")
@repeat(times=2)
def add(a, b=1):
    return a + b


print(greet("ada"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__)
print(add(2, b=5), add.__name__, add.calls, add.__qualname__)


class Memo:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.cache = {}

    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]


@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(fib.cache), fib.__name__, type(fib).__name__)


def register(registry):
    def decorate(cls):
        registry[cls.__name__] = cls
        return cls
    return decorate


REGISTRY = {}


@register(REGISTRY)
class Linear:
    pass


@register(REGISTRY)
class ReLU:
    pass


print(sorted(REGISTRY), REGISTRY["ReLU"])


def timer(fn=None, *, label="t"):
    if fn is None:
        return lambda f: timer(f, label=label)

    @functools.wraps(fn)
    def wrapper(*a):
        out = fn(*a)
        print(label, fn.__name__, out)
        return out
    return wrapper


@timer
def sq(x):
    return x * x


@timer(label="cube")
def cube(x):
    return x ** 3


sq(4)
cube(3)
print(sq.__wrapped__(5))
