# random.seed(42) then random.random(): CPython's Mersenne Twister and its 53-bit floats
import random
random.seed(42)
print(random.random(), random.random(), random.random())
random.seed(0)
print([round(random.random(), 6) for _ in range(5)])
random.seed(42)
a = random.random()
random.seed(42)
print(a == random.random())
for s in [1, -5, 2**40 + 7, 2**100, 0, True, 99]:
    random.seed(s)
    print(repr(s), random.random())
