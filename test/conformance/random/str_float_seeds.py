# seeds of other types: a str is extended by its SHA-512, a float seeds through its hash
import random
for s in ["hello", "", "makemore", "a longer seed string with spaces and ünicode", 3.5, -0.25, 1e100, 2.0]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(16))
random.seed(2.0)
a = random.random()
random.seed(2)
print(a == random.random())
