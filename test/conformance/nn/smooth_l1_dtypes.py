# smooth_l1_loss promotes input and target (a float64 target gives a float64 loss) where
# huber_loss and mse_loss's backward do not; the gradient comes back in the input's dtype
import torch
import torch.nn.functional as F

x = torch.tensor([1.0, 2.5, -1.0, 0.25], requires_grad=True)
t64 = torch.tensor([0.5, 2.0, 1.0, 0.3], dtype=torch.float64)
for beta in [1.0, 0.5]:
    x.grad = None
    loss = F.smooth_l1_loss(x, t64, beta=beta)
    print(loss, loss.dtype)
    loss.backward()
    print(x.grad, x.grad.dtype)

per = F.smooth_l1_loss(x, t64, reduction='none')
print(per)
x2 = torch.tensor([1.0, 2.5, -1.0], dtype=torch.float64, requires_grad=True)
t32 = torch.tensor([0.5, 2.0, 1.0])
s = F.smooth_l1_loss(x2, t32, reduction='sum')
s.backward()
print(s, x2.grad)
ti = torch.tensor([0, 2, 1])
x3 = torch.tensor([0.2, 2.9, -0.4], requires_grad=True)
l3 = torch.nn.SmoothL1Loss()(x3, ti)
l3.backward()
print(l3, x3.grad)
print(F.huber_loss(x, t64))
try:
    F.huber_loss(x, t64).backward()
except RuntimeError as e:
    print("huber:", e)
