# binary_cross_entropy on probabilities (BinaryCrossEntropyBackward0) with weights and every
# reduction, BCELoss and BCEWithLogitsLoss as modules, clamping of log at -100, range errors
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(5)
logits = torch.randn(3, 4, requires_grad=True)
p = torch.sigmoid(logits)
y = (torch.rand(3, 4) > 0.5).float()
loss = F.binary_cross_entropy(p, y)
print(loss, loss.grad_fn, loss.grad_fn.next_functions)
loss.backward()
print(logits.grad)
w = torch.tensor([0.5, 1.0, 2.0, 1.5])
for red in ["mean", "sum", "none"]:
    q = torch.rand(3, 4, requires_grad=True)
    out = F.binary_cross_entropy(q, y, weight=w, reduction=red)
    print(red, out)
    out.sum().backward()
    print(q.grad)
bce = nn.BCELoss()
print(bce, bce(p, y))
lg = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 2.0, 3.0, 4.0]))
print(lg, lg(logits, y), lg.pos_weight)
edge = torch.tensor([0.0, 1.0, 0.5, 1e-30], requires_grad=True)
out = F.binary_cross_entropy(edge, torch.tensor([1.0, 0.0, 1.0, 1.0]), reduction="none")
print(out)
out.sum().backward()
print(edge.grad)
try:
    F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0]))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    F.binary_cross_entropy(torch.tensor([0.5, 0.2]), torch.tensor([1.0]))
except ValueError as e:
    print("ValueError:", e)
