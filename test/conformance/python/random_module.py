import random

random.seed(42)
print(random.random(), random.randint(1, 10), random.randrange(0, 100, 5), random.uniform(-1, 1))
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
random.shuffle(words)
print(words, random.choice(words), random.sample(words, 3), random.choices(words, k=4))
print(random.choices(range(5), weights=[5, 1, 1, 1, 10], k=6), random.gauss(0, 1), random.normalvariate(5, 2))
print([round(random.expovariate(1.5), 6) for _ in range(3)], random.triangular(0, 10, 3), random.getrandbits(40))
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
b = [random.random() for _ in range(3)]
print(a == b, a)
rng = random.Random(7)
print(rng.random(), rng.randint(0, 3), random.Random(7).random() == random.Random(7).random())
random.seed("gradlens")
print(random.random())
random.seed(3.5)
print(random.random())
data = list(range(20))
random.seed(0)
random.shuffle(data)
n = int(0.8 * len(data))
train, test = data[:n], data[n:]
print(train, test)
batches = [sorted(random.sample(train, 4)) for _ in range(3)]
print(batches)
try:
    random.choice([])
except IndexError as e:
    print(e)
try:
    random.randint(5, 1)
except ValueError as e:
    print(e)
try:
    random.sample([1, 2], 5)
except ValueError as e:
    print(e)
