# torch.load's weights_only (True by default in PyTorch 2.6): a whole module or an object of a
# user class loads only with weights_only=False; the error names the class
import torch
import torch.nn as nn

PATH = "/tmp/gradlens_save_load_weights_only.pt"


class Box:
    def __init__(self, v):
        self.v = v


torch.manual_seed(0)
lin = nn.Linear(2, 1)
torch.save(lin, PATH)
m = torch.load(PATH, weights_only=False)
print(m, m is lin, m.weight is lin.weight, torch.equal(m.weight, lin.weight))
print(m(torch.ones(1, 2)))
torch.save({"box": Box(torch.ones(2)), "n": 1}, PATH)
b = torch.load(PATH, weights_only=False)
print(type(b["box"]).__name__, b["box"].v)
try:
    torch.load(PATH)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[3])
torch.save(lin, PATH)
torch.load(PATH)
