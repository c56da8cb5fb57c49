# a generator paused inside its except clause keeps that exception to itself: a bare raise in
# the code that resumed it re-raises the caller's own exception (CPython's per-generator
# exception state)

def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 4
    finally:
        print("finally")


def outer(func):
    gen = func()
    try:
        response = gen.send(None)
        while True:
            try:
                request = yield response
            except GeneratorExit:
                print("closing inner")
                gen.close()
                raise
            except BaseException as e:
                response = gen.throw(e)
            else:
                response = gen.send(request)
    except StopIteration as e:
        return e.value


t = outer(inner)
print(next(t))
print(t.throw(ValueError("stop")))
t.close()
print("closed")


def paused():
    try:
        raise KeyError("inside")
    except KeyError:
        yield "in handler"
        raise


p = paused()
print(next(p))
try:
    raise TypeError("outside")
except TypeError:
    try:
        raise
    except TypeError as e:
        print("bare raise outside:", repr(e))
try:
    next(p)
except KeyError as e:
    print("generator re-raised", repr(e))
