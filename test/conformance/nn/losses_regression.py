# l1_loss, huber_loss and smooth_l1_loss as functions and as modules: values, grad_fn names,
# gradients for each reduction, deltas and betas on both sides of the kink
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
x = (torch.randn(4, 3) * 2).requires_grad_()
t = torch.randn(4, 3)
for red in ["mean", "sum", "none"]:
    l1 = F.l1_loss(x, t, reduction=red)
    hu = F.huber_loss(x, t, reduction=red, delta=0.7)
    sm = F.smooth_l1_loss(x, t, reduction=red, beta=1.5)
    print(red, l1.grad_fn, hu.grad_fn, sm.grad_fn)
    print(l1, hu, sm, sep="\n")
for loss in [nn.L1Loss(), nn.HuberLoss(), nn.HuberLoss(delta=2.0), nn.SmoothL1Loss(), nn.SmoothL1Loss(beta=0.5, reduction="sum")]:
    x.grad = None
    out = loss(x, t)
    out.backward()
    print(loss, out.item())
    print(x.grad)
x.grad = None
F.huber_loss(x, t, reduction="none").backward(torch.linspace(-1, 2, 12).reshape(4, 3))
print(x.grad)
x.grad = None
F.smooth_l1_loss(x * 3, t, reduction="none").sum().backward()
print(x.grad)
print(nn.L1Loss(reduction="sum"), nn.HuberLoss(delta=0.5).delta)
try:
    F.l1_loss(x, t, reduction="avg")
except ValueError as e:
    print("ValueError:", e)
