# Decorators on functions: plain, with arguments, stacked, classes as decorators, functools.wraps.
import functools


def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper


def repeat(n):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(n)]
        return wrapper
    return decorate


@shout
def greet(name):
    return f"hi {name}"


@repeat(3)
def roll(x):
    """Roll the die."""
    return x * 2


@shout
@repeat(2)
def both():
    return "ab"


print(greet("ann"), greet.__name__)
print(roll(4), roll.__name__, roll.__doc__, roll.__qualname__, roll.__wrapped__(5))
try:
    both()
except AttributeError as e:
    print("AttributeError:", e)


class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)


@CountCalls
def add(a, b):
    return a + b


print(add(1, 2), add(3, 4), add.calls, add.__name__)

registry = {}


def register(fn):
    registry[fn.__name__] = fn
    return fn


@register
def f1():
    return 1


@register
def f2():
    return 2


print(sorted(registry), registry["f2"]())
