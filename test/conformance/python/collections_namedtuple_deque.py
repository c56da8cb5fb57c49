from collections import namedtuple, deque

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x + p.y, p[0], len(p), p == (1, 2), tuple(p), Point)
x, y = p
print(x, y, p._asdict(), p._replace(y=5), Point._make([3, 4]), Point._fields)
Env = namedtuple("Env", "name size lr", defaults=[0.1])
print(Env("cartpole", 4), Env._field_defaults, Env.__doc__)
print(isinstance(p, tuple), hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5)]))
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    namedtuple("Bad", ["x", "x"])
except ValueError as e:
    print(e)
try:
    namedtuple("Bad", ["_x"])
except ValueError as e:
    print(e)
print(namedtuple("R", "a class", rename=True)._fields)

q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, q.popleft(), q.pop(), q, len(q), q[0], q[-1], 2 in q)
q.extend([7, 8])
q.extendleft([-1, -2])
print(q)
q.rotate(2)
print(q)
q.rotate(-3)
print(q)
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window), window.maxlen)
print(window, deque("abc"), deque())
try:
    deque().pop()
except IndexError as e:
    print(e)
q2 = deque([1, 2, 3, 2])
q2.remove(2)
print(q2, q2.count(2), q2.index(3), list(reversed(q2)), q2 == deque([1, 3, 2]))
q2.clear()
print(q2, bool(q2))
print(type(q).__name__, deque)
