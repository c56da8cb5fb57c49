import torch
a = torch.tensor([1.0, 2.0])
b = torch.tensor(3.0, requires_grad=True)
print([a, b])
print((a, b))
print((a,))
d = {"w": b, "n": 3, "name": "x"}
print(d)
print(d["w"], len(d), "n" in d)
d["n"] = d["n"] + 1
print(list(d.keys()), d["n"])
print(a.shape, tuple(a.shape), list(a.shape))
print([a.sum(), b * 2])
