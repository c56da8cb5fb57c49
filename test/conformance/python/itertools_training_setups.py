import itertools
from itertools import product, chain, islice, groupby, accumulate, zip_longest, count

grid = {"lr": [0.1, 0.01], "batch": [16, 32], "act": ["relu", "tanh"]}
configs = [dict(zip(grid, values)) for values in product(*grid.values())]
print(len(configs), configs[0], configs[-1])
for i, cfg in zip(count(1), islice(configs, 2, 5)):
    print(i, cfg)
epochs = [[0.9, 0.7], [0.6, 0.5, 0.45], [0.44]]
print(list(chain.from_iterable(epochs)), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate(range(1, 6), lambda a, b: a * b)))
runs = [("relu", 0.31), ("tanh", 0.35), ("relu", 0.29), ("sigmoid", 0.5), ("tanh", 0.33)]
for act, group in groupby(sorted(runs), key=lambda r: r[0]):
    losses = [loss for _, loss in group]
    print(act, losses, min(losses))
print(list(zip_longest([1, 2, 3], "ab", fillvalue=None)))
pairs = list(itertools.combinations(["a", "b", "c", "d"], 2))
print(pairs, len(list(itertools.permutations(range(4), 3))))
windows = list(zip(*(islice(range(8), i, None) for i in range(3))))
print(windows, list(itertools.pairwise([1, 4, 9, 16])))
print(list(itertools.starmap(lambda a, b: a ** b, [(2, 5), (3, 2)])), list(itertools.takewhile(lambda l: l > 0.4, [0.9, 0.5, 0.3, 0.6])))
it = iter(range(10))
first3 = list(islice(it, 3))
print(first3, next(it), list(it))
