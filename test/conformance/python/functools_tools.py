import functools
from functools import partial, reduce, lru_cache, cache, cached_property, total_ordering, wraps

print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
pow2 = partial(pow, 2)
print(pow2(10), pow2.func, pow2.args, pow2.keywords)
int_base2 = partial(int, base=2)
print(int_base2("1011"), repr(partial(max, 1)) .startswith("functools.partial("))


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@cache
def square(x):
    print("computing", x)
    return x * x


print(square(4), square(4), square(5))


class Model:
    def __init__(self, n):
        self.n = n

    @cached_property
    def params(self):
        print("counting params")
        return self.n * 10


m = Model(3)
print(m.params, m.params, "params" in m.__dict__)


@total_ordering
class Version:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        return self.v < other.v


print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(1), sorted([Version(3), Version(1)])[0].v)
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
