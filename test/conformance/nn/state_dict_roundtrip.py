# state_dict(): an OrderedDict of detached parameters and persistent buffers by name;
# load_state_dict() copies them back in place and reports keys that do not fit
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
sd = net.state_dict()
print(sd)
print(type(sd), list(sd.keys()))
print(sd._metadata)
print(sd["0.weight"].requires_grad, net[0].weight.requires_grad)
print(net.state_dict(keep_vars=True)["2.bias"])
other = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
print(other[0].weight)
r = other.load_state_dict(sd)
print(r)
print(other[0].weight, other[0].weight._version)
print(torch.equal(other[2].weight, net[2].weight), other[2].weight is net[2].weight)
r = other.load_state_dict({"0.weight": torch.zeros(3, 2)}, strict=False)
print(r, r.missing_keys, r.unexpected_keys, type(r))
print(other[0].weight)
try:
    other.load_state_dict({"0.weight": torch.zeros(3, 2), "bogus": torch.zeros(1)})
except RuntimeError as e:
    print("RuntimeError:", e)
bad = dict(sd)
bad["0.weight"] = torch.zeros(2, 2)
try:
    other.load_state_dict(bad)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    other.load_state_dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
r = other.load_state_dict(sd, strict=False)
print(r)
print(nn.Linear(1, 1).state_dict().keys())
