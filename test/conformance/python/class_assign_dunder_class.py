class A:
    def hi(self): return 'A'
class B(A):
    def hi(self): return 'B'
class S:
    __slots__ = ('x',)
class S2:
    __slots__ = ('x',)
class L(list): pass
a = A(); a.v = 1
a.__class__ = B; print(type(a).__name__, a.hi(), a.v, isinstance(a, B))
object.__setattr__(a, '__class__', A); print(a.hi())
for target, val in [(a, 3), (a, int), (a, L), (S(), S2), (S(), A), (1, A), (L(), list)]:
    try:
        target.__class__ = val
        print('ok', type(target).__name__)
    except Exception as e:
        print(type(e).__name__, e)
