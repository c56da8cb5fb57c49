# Datasets a learner writes around torch.utils.data: map-style and iterable, concatenated,
# subsets, samplers given by hand, and the errors DataLoader raises for wrong options.
import torch
from torch.utils.data import (BatchSampler, ConcatDataset, DataLoader, Dataset, IterableDataset,
                              RandomSampler, SequentialSampler, Subset, SubsetRandomSampler,
                              TensorDataset, random_split)

torch.manual_seed(1)


class Line(Dataset):
    def __init__(self, n, slope):
        self.x = torch.linspace(0, 1, n)
        self.slope = slope

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.slope * self.x[i]


class Counter(IterableDataset):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(self.n):
            yield torch.tensor([i, i * i])


a, b = Line(4, 2.0), Line(3, -1.0)
both = a + b
print(type(both).__name__, len(both), both.cumulative_sizes, both[5], both[-1])
print(list(BatchSampler(SequentialSampler(range(7)), batch_size=3, drop_last=False)))
print(list(BatchSampler(SequentialSampler(range(7)), batch_size=3, drop_last=True)))
print(list(RandomSampler(range(6))), list(RandomSampler(range(4), replacement=True, num_samples=5)))
print(list(SubsetRandomSampler([10, 20, 30, 40])))
for xb, yb in DataLoader(both, batch_size=3):
    print(xb, yb)
for batch in DataLoader(Counter(5), batch_size=2):
    print(batch.tolist())
for batch in DataLoader(Counter(5), batch_size=2, drop_last=True):
    print(batch.tolist())
sub = Subset(TensorDataset(torch.arange(10) * 10), [9, 0, 4])
print(len(sub), sub[0], sub.__getitems__([1, 2]))
parts = random_split(range(10), [3, 7], generator=torch.Generator().manual_seed(42))
print([list(p) for p in parts])
loader = DataLoader(TensorDataset(torch.randn(6, 2), torch.arange(6)), batch_size=4, shuffle=True)
print(len(loader), loader.batch_size, loader.drop_last, type(loader.sampler).__name__)
it = iter(loader)
print(len(it), [t.shape for t in next(it)])
print(torch.randn(1))
for bad in [dict(batch_size=-1), dict(num_workers=-1), dict(shuffle=True, sampler=[0]),
            dict(batch_sampler=[[0]], batch_size=2), dict(batch_size=None, drop_last=True),
            dict(persistent_workers=True), dict(prefetch_factor=2)]:
    try:
        DataLoader(range(3), **bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    TensorDataset(torch.zeros(3), torch.zeros(4))
except AssertionError as e:
    print("AssertionError:", e)
try:
    random_split(range(5), [2, 2])
except ValueError as e:
    print("ValueError:", e)
print(next(iter(DataLoader(Line(3, 1.0), batch_size=None))))
Dataset()[0]
