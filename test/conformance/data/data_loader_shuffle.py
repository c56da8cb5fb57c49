import torch
from torch.utils.data import DataLoader, TensorDataset, random_split, Dataset
torch.manual_seed(0)
X = torch.arange(20.).reshape(10, 2)
y = torch.arange(10)
ds = TensorDataset(X, y)
print(len(ds), ds[3])
train, val = random_split(ds, [0.7, 0.3])
print(len(train), len(val), train.indices, val.indices)
dl = DataLoader(train, batch_size=3, shuffle=True)
print(len(dl))
for epoch in range(2):
    for xb, yb in dl:
        print(epoch, xb.tolist(), yb)
print(torch.rand(2))
g = torch.Generator().manual_seed(5)
for xb, yb in DataLoader(ds, batch_size=4, shuffle=True, generator=g, drop_last=True):
    print(xb.shape, yb)
print(torch.rand(2))

class Squares(Dataset):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return {"x": float(i), "y": i * i, "name": f"s{i}"}

for batch in DataLoader(Squares(5), batch_size=2):
    print(batch)
print(list(DataLoader([1, 2, 3], batch_size=None)))
print(list(DataLoader([(1, 2.5), (3, 4.5)], batch_size=2)))
w = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for xb, yb in DataLoader(ds, batch_size=5, shuffle=True):
    loss = ((xb @ w - yb) ** 2).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    print(loss.item(), w.tolist())
try:
    DataLoader(ds, batch_size=0)
except ValueError as e:
    print(e)
try:
    DataLoader(ds, sampler=[0, 1], shuffle=True)
except ValueError as e:
    print(e)
print(torch.empty((), dtype=torch.int64).random_(0, 100), torch.empty(3).random_())
