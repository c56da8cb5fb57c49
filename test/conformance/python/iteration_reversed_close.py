class S:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(S())))
class R:
    def __reversed__(self): return iter([1,2])
print(list(reversed(R())))
print(type(reversed([1])).__name__, type(reversed(range(3))).__name__, type(reversed((1,2))).__name__, type(reversed({1:2})).__name__)
print(list(reversed({1:2, 3:4})))
def f(a, b=0): return a + b
print(f(y := 3), y)
def g():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
for x in g():
    print(x)
    break
print("after")
try:
    reversed(5)
except TypeError as e:
    print(e)
try:
    reversed({1,2})
except TypeError as e:
    print(e)
