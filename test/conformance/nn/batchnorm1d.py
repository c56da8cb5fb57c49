# BatchNorm1d on (N, C) batches: the batch's statistics in training mode (NativeBatchNormBackward0,
# gradients for input, weight and bias), running_mean/running_var updated with momentum (and as a
# cumulative average with momentum=None), num_batches_tracked, eval mode using the running statistics
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
bn = nn.BatchNorm1d(4)
print(bn, list(bn.state_dict().keys()))
print(bn.weight, bn.bias, bn.running_mean, bn.running_var, bn.num_batches_tracked)
x = (torch.randn(6, 4) * 3 + 1).requires_grad_()
y = bn(x)
print(y, y.grad_fn)
(y * torch.randn(6, 4)).sum().backward()
print(x.grad, bn.weight.grad, bn.bias.grad)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked, bn.running_mean._version)
for _ in range(3):
    bn(torch.randn(5, 4) * 2)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
z = torch.randn(3, 4, requires_grad=True)
out = bn(z)
print(out, out.grad_fn)
out.sum().backward()
print(z.grad)
cum = nn.BatchNorm1d(3, momentum=None, affine=False)
print(cum)
for i in range(3):
    cum(torch.randn(7, 3) + i)
print(cum.running_mean, cum.running_var, cum.num_batches_tracked)
model = nn.Sequential(nn.Linear(3, 5), nn.BatchNorm1d(5), nn.ReLU(), nn.Linear(5, 1))
loss = model(torch.randn(8, 3)).pow(2).mean()
loss.backward()
print(loss, model[1].weight.grad, model[0].weight.grad)
print(F.batch_norm(torch.randn(4, 2), torch.zeros(2), torch.ones(2), training=True))
try:
    nn.BatchNorm1d(3)(torch.randn(1, 3))
except ValueError as e:
    print("ValueError:", e)
try:
    nn.BatchNorm1d(3)(torch.randn(3))
except ValueError as e:
    print("ValueError:", e)
