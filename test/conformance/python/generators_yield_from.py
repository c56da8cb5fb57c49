# yield from: delegation to iterables and generators, the sub-generator's return value.
def inner(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("inner got", got)
    return f"inner done {n}"


def outer():
    r1 = yield from inner(2)
    print(r1)
    r2 = yield from inner(1)
    print(r2)
    yield from "ab"
    yield from [10, 20]
    return "outer done"


o = outer()
print(next(o), o.send("hello"), next(o))
print(list(o))


def flatten(xs):
    for x in xs:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))


def tree(depth):
    if depth == 0:
        return 1
    left = yield from tree(depth - 1)
    right = yield from tree(depth - 1)
    yield depth
    return left + right


t = tree(2)
print(list(t))
