import torch
squares = [i * i for i in range(6)]
print(squares)
evens = [i for i in range(10) if i % 2 == 0]
print(evens)
ts = [torch.tensor(float(i)) for i in range(3)]
print(ts)
print([t.item() * 2 for t in ts])
pairs = [(i, c) for i, c in enumerate("ab")]
print(pairs)
print(sum([i for i in range(5)]), [[j for j in range(i)] for i in range(3)])
