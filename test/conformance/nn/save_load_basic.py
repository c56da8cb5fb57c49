# torch.save / torch.load of tensors and containers (Gradlens keeps the saved file in memory)
import collections
import torch

PATH = "/tmp/gradlens_save_load_basic.pt"
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = w * 2
y.sum().backward()
base = torch.arange(6.0).reshape(2, 3)
view = base[1]
p = torch.nn.Parameter(torch.ones(2))
obj = {
    "w": w, "y": y, "base": base, "view": view, "p": p, "again": p,
    "nums": [1, 2.5, "s", None, True, (3, 4)], "size": torch.Size([2, 3]),
    "dtype": torch.float64, "i": torch.tensor([1, 2]), "od": collections.OrderedDict(a=1),
    "set": {1, 2},
}
print(torch.save(obj, PATH))
w.data.mul_(10)
d = torch.load(PATH)
print(d)
print(d["w"].requires_grad, d["w"].is_leaf, d["w"].grad, d["y"].grad_fn, d["y"].is_leaf)
print(type(d["p"]), d["p"] is d["again"], type(d["od"]), type(d["size"]))
d["base"].add_(100)
print(d["view"], base, view)
e = torch.load(PATH)
print(e["w"] is d["w"], e["base"])
print(d["w"].data_ptr() == w.data_ptr(), d["view"].data_ptr() - d["base"].data_ptr())
torch.save(torch.tensor(3.5), PATH)
print(torch.load(PATH), torch.load(PATH, weights_only=True).item())
torch.save([1, [2, 3]], PATH)
print(torch.load(PATH))
try:
    torch.load("/tmp/gradlens_save_load_basic_never_saved.pt")
except FileNotFoundError as err:
    print(err)
