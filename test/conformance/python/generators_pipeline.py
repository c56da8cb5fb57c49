def read_numbers(text):
    for line in text.split(";"):
        line = line.strip()
        if line:
            yield float(line)


def running_mean(xs):
    total = 0.0
    for n, x in enumerate(xs, 1):
        total += x
        yield total / n


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


data = "1; 2; 3.5; ; 10; 4"
print(list(running_mean(read_numbers(data))))
print(list(take(2, running_mean(read_numbers(data)))))
squares = (x * x for x in range(6))
print(next(squares), next(squares), list(squares), list(squares))
print(sum(x for x in range(10) if x % 3 == 0), max((len(w), w) for w in "a bb ccc".split()))


def counter():
    count = 0
    while True:
        step = yield count
        if step is None:
            step = 1
        count += step


c = counter()
print(next(c), c.send(5), c.send(None), next(c), c.send(-2))


def chunks(xs, n):
    batch = []
    for x in xs:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


print(list(chunks(range(7), 3)))


def inner():
    x = yield "first"
    print("inner got", x)
    yield "second"
    return "inner done"


def outer():
    result = yield from inner()
    print("result", result)
    yield from [1, 2]


g = outer()
print(next(g), g.send("hello"), next(g), next(g), next(g, "exhausted"))
gen = (i for i in range(3))
print(next(gen), type(gen).__name__, iter(gen) is gen)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print([x for _, x in zip(range(10), fib())])
it = fib()
print([next(it) for _ in range(5)])
