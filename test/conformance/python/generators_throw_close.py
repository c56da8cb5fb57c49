def worker(log):
    log.append("start")
    try:
        while True:
            try:
                job = yield
                log.append(f"job {job}")
            except ValueError as e:
                log.append(f"recovered from {e}")
    except GeneratorExit:
        log.append("closing")
        raise
    finally:
        log.append("finally")


log = []
w = worker(log)
next(w)
w.send(1)
w.throw(ValueError("bad input"))
w.send(2)
w.close()
w.close()
print(log)
try:
    w.send(3)
except StopIteration:
    print("StopIteration after close")


def gen_with_return():
    yield 1
    return "done"


g = gen_with_return()
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print("returned", stop.value, stop.args)


def raises_inside():
    yield 1
    raise KeyError("inside generator")


try:
    for v in raises_inside():
        print("got", v)
except KeyError as e:
    print("KeyError", e)


def ignore_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2


bad = ignore_close()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print(e)
g2 = (x for x in range(3))
print(list(g2), list(g2))
try:
    next(iter([]))
except StopIteration as e:
    print("empty", repr(e))
fresh = gen_with_return()
fresh.close()
print(list(fresh))
t = gen_with_return()
try:
    t.throw(TypeError("thrown before start"))
except TypeError as e:
    print("propagated:", e)
