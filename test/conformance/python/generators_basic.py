# Generator functions: lazy evaluation, next(), StopIteration, exhaustion, repr.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")


g = count_up(3)
print(type(g).__name__, repr(g).startswith("<generator object count_up at 0x"))
print(next(g))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
print(next(g, "exhausted"))
print(list(count_up(4)), sum(count_up(5)))
for x in count_up(2):
    print("got", x)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])


def pairs(xs):
    for i, x in enumerate(xs):
        for y in xs[i + 1:]:
            yield x, y


print(list(pairs([1, 2, 3])), dict(pairs("ab")))
gen = (x * x for x in range(5) if x % 2)
print(repr(gen).startswith("<generator object <genexpr> at 0x"), list(gen), list(gen))


def with_return():
    yield 1
    return "result"


w = with_return()
print(next(w))
try:
    next(w)
except StopIteration as e:
    print("value:", e.value, e.args)
