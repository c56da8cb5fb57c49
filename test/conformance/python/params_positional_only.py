def f(a, b=2, /, c=3, *, d=4):
    return a, b, c, d
print(f(1), f(1, 5, 6, d=7), f(1, c=9))
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
for call in [lambda: f(a=1), lambda: f(1, b=2)]:
    try:
        call()
    except TypeError as e:
        print(e)
