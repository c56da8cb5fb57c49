# nn.Sequential, ModuleList, ModuleDict and ParameterList: names, indexing, slicing, iteration,
# appending, and how PyTorch prints them (ModuleList folds repeated layers)
from collections import OrderedDict
import torch
import torch.nn as nn

torch.manual_seed(0)
seq = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
print(seq)
print(len(seq), seq[0], seq[-1], type(seq[1:]).__name__)
print(seq[1:])
print([type(m).__name__ for m in seq])
x = torch.randn(2, 3)
print(seq(x))
seq.append(nn.Sigmoid())
print(seq, seq(x))
del seq[1]
print(seq)
seq[0] = nn.Linear(3, 4)
print(seq[0].weight.shape, [n for n, _ in seq.named_children()])
try:
    seq[7]
except IndexError as e:
    print("IndexError:", e)
named = nn.Sequential(OrderedDict([("hidden", nn.Linear(3, 2)), ("act", nn.Tanh()), ("out", nn.Linear(2, 1))]))
print(named)
print(named.hidden, named[0] is named.hidden, [n for n, _ in named.named_parameters()])
print(nn.Sequential())
both = nn.Sequential(nn.ReLU()) + nn.Sequential(nn.Tanh())
print(both)

layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])
print(layers)
layers.append(nn.ReLU())
layers.insert(0, nn.Tanh())
print(layers, len(layers))
print(layers[1:3])
print([n for n, _ in layers.named_parameters()])
print(nn.ModuleList())
try:
    layers(torch.ones(2))
except NotImplementedError as e:
    print("NotImplementedError:", e)

d = nn.ModuleDict({"enc": nn.Linear(2, 2), "act": nn.ReLU()})
d["dec"] = nn.Linear(2, 1)
print(d)
print(list(d.keys()), "act" in d, len(d), [type(m).__name__ for m in d.values()])
for k, m in d.items():
    print(k, m)

plist = nn.ParameterList([nn.Parameter(torch.ones(2)), torch.zeros(3)])
print(plist)
print(len(plist), type(plist[1]).__name__, [n for n, _ in plist.named_parameters()])
plist.append(torch.ones(1, 2))
print(plist)
