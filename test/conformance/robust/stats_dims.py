# prod, std, var and norm along dims, by keyword or position, with their gradients
# (PyTorch 2.6's formulas and accumulation orders, compared to the last bit).
import torch

torch.manual_seed(0)
x = torch.randn(3, 37, requires_grad=True)
results = [x.prod(dim=1), x.prod(0, keepdim=True), x.std(), x.std(1), x.std(dim=0, keepdim=True),
           x.var(dim=(0, 1)), x.var(unbiased=False), x.std(correction=0), x.var(1, True, True), x.std(dim=[1]),
           x.norm(), x.norm(dim=1), x.norm(p=1), x.norm(3, 0), x.norm(float("inf"), dim=1), x.norm(p=0),
           x.norm(p=0.5), x.norm(p=-1), x.norm(dim=(0, 1)), x.t().norm(dim=0), x.t().norm(), torch.norm(x, dim=0),
           torch.std(x, 0), torch.var(x, dim=1), x.norm(p="fro", dim=1), x.norm(None)]
for y in results:
    print(tuple(y.shape), y.flatten().tolist()[:3])
    g, = torch.autograd.grad(y.sum(), x, create_graph=True)
    print(g.flatten().tolist()[:5], g.requires_grad)

v = torch.tensor([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.1, 1.3, 1.7, 2.9])
print(v.var().item(), v.std().item(), v.norm().item(), v.double().norm().item(), v.norm(p=3).item())
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(m.std(True), m.std(False), m.var(0, False), m.std(dim=None, keepdim=True), m.std(correction=1.5))
print(m.norm("fro", 1), torch.norm(m, p=2, dim=(0, 1), keepdim=True))
try:
    m.norm(dim=2)
except IndexError as e:
    print(e)
try:
    torch.tensor([[1, 2], [3, 4]]).norm()
except RuntimeError as e:
    print(e)
m.std(0, 1)
