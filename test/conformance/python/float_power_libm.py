import math
import random

# float ** float is glibc's pow in CPython; these inputs include many where a naive pow differs
random.seed(99)
bases = [random.uniform(0, 10) for _ in range(150)]
exps = [random.uniform(-6, 6) for _ in range(150)]
powers = [b ** e for b, e in zip(bases, exps)]
print(powers[:8])
print(sum(powers), max(powers), min(powers))
print([round(x, 3) ** 0.5 for x in bases[:6]], [x ** -1.5 for x in bases[6:10]], [(-x) ** 3.0 for x in bases[10:14]])
print([math.pow(b, 2.5) for b in bases[14:20]], 2.0 ** 0.5, 10.0 ** -3, 1.0000001 ** 1e7, 0.5 ** 1074, (-2.0) ** 3, (-0.0) ** 3)
print([math.gamma(x) for x in (0.3, 1.7, 4.5, 9.9, 33.3)], math.exp2(0.3))
try:
    10.0 ** 400
except OverflowError as e:
    print(e)
try:
    0.0 ** -2
except ZeroDivisionError as e:
    print(e)
try:
    math.pow(-2, 0.5)
except ValueError as e:
    print(e)
