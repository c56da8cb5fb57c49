def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment


c1, c2 = make_counter(), make_counter(10)
print(c1(), c1(), c2(5), c1(), c1.__name__, c1.__qualname__)

total = 0


def add_to_total(x):
    global total
    total += x
    return total


print(add_to_total(3), add_to_total(4), total)


def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]


def make_late():
    return [lambda x: x * i for i in range(4)]


print([m(2) for m in make_multipliers()], [m(2) for m in make_late()])


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    return middle()


print(outer())


def scheduler(base_lr):
    def lr_at(step, warmup=3):
        if step < warmup:
            return base_lr * (step + 1) / warmup
        return base_lr * 0.5 ** ((step - warmup) // 2)
    return lr_at


lr = scheduler(0.1)
print([round(lr(s), 5) for s in range(8)])
try:
    def broken():
        print(y)
        y = 1
    broken()
except UnboundLocalError as e:
    print(e)
funcs = {name: (lambda n: lambda v: f"{n}:{v}")(name) for name in ["a", "b"]}
print(funcs["a"](1), funcs["b"](2))
