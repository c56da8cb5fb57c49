# choice and sample: indices drawn with _randbelow (getrandbits of n.bit_length() bits, retried)
import random
random.seed(3)
letters = "abcdefghijklmnopqrstuvwxyz"
print(random.choice(letters), random.choice(["x", "y", "z"]), random.choice(range(100)), random.choice((1, 2)))
print(random.sample(range(1000), 5))
print(random.sample(["a", "b", "c", "d"], 4))
print(random.sample(range(100000), 8))
print(random.sample(range(30), 25))
print(random.sample(["a", "b", "c"], 4, counts=[3, 1, 1]))
