# randint and randrange, with steps and big ranges
import random
random.seed(11)
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(100), random.randrange(5, 50), random.randrange(5, 50, 5), random.randrange(10, 0, -3), random.randrange(-10, -2))
print(random.randint(0, 2**70), random.randrange(2**40, 2**41, 7), random.randint(5, 5))
print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33), random.getrandbits(100), random.getrandbits(0))
