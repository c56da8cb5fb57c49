# nn.MSELoss and F.mse_loss: reductions, the module's repr, the warning when the target's size
# differs, and an invalid reduction
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
pred = torch.randn(4, 1, requires_grad=True)
target = torch.randn(4, 1)
loss_fn = nn.MSELoss()
print(loss_fn, nn.MSELoss(reduction="sum"))
loss = loss_fn(pred, target)
print(loss)
loss.backward()
print(pred.grad)
print(nn.MSELoss(reduction="sum")(pred, target), nn.MSELoss(reduction="none")(pred, target))
print(F.mse_loss(pred, target), F.mse_loss(pred, target, reduction="sum"))
print(loss_fn.reduction, list(loss_fn.parameters()), loss_fn.state_dict())
print(F.mse_loss(pred, torch.randn(4)))
try:
    F.mse_loss(pred, target, reduction="average")
except ValueError as e:
    print("ValueError:", e)
