# ModuleList and ModuleDict: registration under their indices/keys, iteration, indexing and slicing,
# append/extend/insert, update/pop/keys/items, repr as PyTorch prints it (repeated layers folded), parameters
import torch
import torch.nn as nn

torch.manual_seed(0)
layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])
print(layers)
layers.append(nn.ReLU())
layers.extend([nn.Tanh(), nn.Tanh()])
layers.insert(1, nn.Sigmoid())
print(len(layers), layers[1], layers[-1], type(layers[1:3]).__name__, len(layers[1:3]))
print([type(m).__name__ for m in layers])
print([n for n, _ in layers.named_parameters()])
print(layers)
x = torch.ones(1, 2)
for m in layers:
    x = m(x)
print(x)
d = nn.ModuleDict({"act": nn.ReLU(), "lin": nn.Linear(2, 3)})
d["out"] = nn.Linear(3, 1)
print(d)
print(list(d.keys()), "lin" in d, len(d))
for k, m in d.items():
    print(k, type(m).__name__)
d.update({"act": nn.Tanh()})
print(d["act"], d.pop("out"), list(d))
print([n for n, _ in d.named_parameters()])
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 2)])
        self.heads = nn.ModuleDict({"a": nn.Linear(2, 1)})
    def forward(self, x):
        for b in self.blocks:
            x = torch.relu(b(x))
        return self.heads["a"](x)
net = Net()
print(net)
print(net(torch.ones(3, 2)))
print([n for n, _ in net.named_modules()])
try:
    layers[20]
except IndexError as e:
    print("IndexError:", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
