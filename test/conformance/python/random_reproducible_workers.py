import random


def make_data(seed, n):
    rng = random.Random(seed)
    return [(rng.uniform(-1, 1), rng.choice([0, 1])) for _ in range(n)]


print(make_data(1, 3) == make_data(1, 3), make_data(1, 2), make_data(2, 2))
workers = [random.Random(100 + i) for i in range(3)]
print([w.randint(0, 9) for w in workers], [w.random() for w in workers])
random.seed(5)
indices = list(range(10))
epochs = []
for epoch in range(3):
    random.shuffle(indices)
    epochs.append(indices[:4])
print(epochs)
random.seed(5)
again = list(range(10))
random.shuffle(again)
print(again[:4] == epochs[0])
rng = random.Random()
rng.seed(2024)
print(rng.sample(range(100), 5), rng.choices("abc", weights=[1, 0, 5], k=5), rng.randrange(10, 20))
print(round(rng.gauss(0.0, 0.02), 12), rng.getrandbits(8), rng.random() < 1)
dropout = [1.0 if random.random() > 0.5 else 0.0 for _ in range(8)]
print(dropout)
