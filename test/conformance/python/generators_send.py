# send(), throw(), close(), yield as an expression, try/finally inside a generator.
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError as e:
            print("reset:", e)
            total, count, avg = 0.0, 0, None
            continue
        total += x
        count += 1
        avg = total / count


a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(0))
print(a.throw(ValueError("bad")))
print(a.send(5))
a.close()
try:
    a.send(1)
except StopIteration:
    print("closed")


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


g = guarded()
print(next(g))
g.close()
print("after close")
for x in guarded():
    print("loop", x)
try:
    averager().send(3)
except TypeError as e:
    print(e)


def raiser():
    yield 1
    raise StopIteration("oops")


try:
    list(raiser())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
