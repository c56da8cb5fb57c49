# mse_loss's gradient is ATen's mse_loss_backward (MseLossBackwardBackward0 under create_graph),
# alpha * (x - t) * grad with alpha = 2/numel rounded first, as its kernel does.
import torch

x = torch.tensor([[1.0, 2.0, 3.0], [3.0, 4.0, 5.0]], requires_grad=True)
t = torch.tensor([[0.5, 2.5, 3.0], [3.1, -4.0, 5.5]], requires_grad=True)
for red in ["mean", "sum", "none"]:
    y = torch.nn.functional.mse_loss(x, t, reduction=red)
    gx, gt = torch.autograd.grad(y.sum(), (x, t), create_graph=True)
    print(gx, gt)
    print(torch.autograd.grad((gx * gx).sum() + gt.sum(), (x, t)))

a = torch.tensor([0.1, 0.7, 1.3], requires_grad=True)
torch.nn.functional.mse_loss(a, torch.tensor([0.3, 0.2, 0.9])).backward()
print(a.grad.tolist())
