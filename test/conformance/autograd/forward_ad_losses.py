# Tangents of losses: mse_loss, cross_entropy, nll_loss, and of linear layers
import torch
import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD

torch.manual_seed(5)
pred = torch.randn(4, 3)
target = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 2])
t = torch.randn(4, 3)
with fwAD.dual_level():
    d = fwAD.make_dual(pred, t)
    print(F.mse_loss(d, target))
    print(F.mse_loss(d, target, reduction="sum"))
    print(F.mse_loss(d, target, reduction="none"))
    print(F.mse_loss(target, d))
    print(F.cross_entropy(d, labels))
    print(F.cross_entropy(d, labels, reduction="sum"))
    print(F.cross_entropy(d, labels, reduction="none"))
    print(F.nll_loss(F.log_softmax(d, dim=1), labels))
    print(F.nll_loss(d, labels, reduction="none"))
    print(torch.nn.MSELoss()(d, target))
    print(torch.nn.CrossEntropyLoss()(d, labels))
    w = fwAD.make_dual(torch.randn(2, 3), torch.randn(2, 3))
    print(F.linear(pred, w))
    print(F.linear(d, w, torch.zeros(2)))
    print(F.linear(d[0], w))
